import { defineRule } from '../compat.types';

/** The pattern of returned values changed. */
export default defineRule({
  id: 'response-pattern-changed',
  level: 'warning',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['pattern-changed'],
  summary: 'The pattern of returned values changed.',
});
