import { defineRule } from '../compat.types';

/** Fewer types may be returned. */
export default defineRule({
  id: 'response-type-narrowed',
  level: 'info',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['type-changed'],
  when: (f) => f.details.loosened !== true,
  summary: 'Fewer types may be returned.',
});
