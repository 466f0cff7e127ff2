import { defineRule } from '../compat.types';

/** null is no longer returned. */
export default defineRule({
  id: 'response-nullable-removed',
  level: 'info',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['nullable-changed'],
  when: (f) => f.details.to !== true,
  summary: 'null is no longer returned.',
});
