import { defineRule } from '../compat.types';

/** A discriminator value clients may send is gone. */
export default defineRule({
  id: 'request-discriminator-value-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['discriminator-mapping-changed'],
  when: (f) => f.details.to === undefined && f.details.from !== undefined,
  summary: 'A discriminator value clients may send is gone.',
});
