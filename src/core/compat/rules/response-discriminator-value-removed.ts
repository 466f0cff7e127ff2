import { defineRule } from '../compat.types';

/** A discriminator value is no longer returned. */
export default defineRule({
  id: 'response-discriminator-value-removed',
  level: 'info',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['discriminator-mapping-changed'],
  when: (f) => f.details.to === undefined && f.details.from !== undefined,
  summary: 'A discriminator value is no longer returned.',
});
