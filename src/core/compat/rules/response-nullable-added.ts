import { defineRule } from '../compat.types';

/** null may now be returned. */
export default defineRule({
  id: 'response-nullable-added',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'response',
  facts: ['nullable-changed'],
  when: (f) => f.details.to === true,
  summary: 'null may now be returned.',
});
