import { defineRule } from '../compat.types';

/** A new discriminator value. */
export default defineRule({
  id: 'discriminator-value-added',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  facts: ['discriminator-mapping-changed'],
  when: (f) => f.details.from === undefined,
  summary: 'A new discriminator value.',
});
