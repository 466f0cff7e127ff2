import { defineRule } from '../compat.types';

/** The pattern changed; some values that matched may not match any more. */
export default defineRule({
  id: 'request-pattern-changed',
  level: 'warning',
  bump: 'patch',
  area: 'schema',
  direction: 'request',
  facts: ['pattern-changed'],
  summary: 'The pattern changed; some values that matched may not match any more.',
});
