import { defineRule } from '../compat.types';

/** More types are accepted. */
export default defineRule({
  id: 'request-type-widened',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['type-changed'],
  when: (f) => f.details.tightened !== true,
  summary: 'More types are accepted.',
});
