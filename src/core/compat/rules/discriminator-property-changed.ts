import { defineRule } from '../compat.types';

/** The discriminator property changed. */
export default defineRule({
  id: 'discriminator-property-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  facts: ['discriminator-property-changed'],
  summary: 'The discriminator property changed.',
});
