import { defineRule } from '../compat.types';

/** null is no longer accepted. */
export default defineRule({
  id: 'request-nullable-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['nullable-changed'],
  when: (f) => f.details.to !== true,
  summary: 'null is no longer accepted.',
});
