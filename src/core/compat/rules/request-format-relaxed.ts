import { defineRule } from '../compat.types';

/** The format accepts more values. */
export default defineRule({
  id: 'request-format-relaxed',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['format-changed'],
  when: (f) => f.details.tightened !== true,
  summary: 'The format accepts more values.',
});
