import { defineRule } from '../compat.types';

/** A discriminator value now selects another schema. */
export default defineRule({
  id: 'discriminator-value-retargeted',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  facts: ['discriminator-mapping-changed'],
  when: (f) => f.details.from !== undefined && f.details.to !== undefined,
  summary: 'A discriminator value now selects another schema.',
});
