import { defineRule } from '../compat.types';

/** null is now accepted. */
export default defineRule({
  id: 'request-nullable-added',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['nullable-changed'],
  when: (f) => f.details.to === true,
  summary: 'null is now accepted.',
});
