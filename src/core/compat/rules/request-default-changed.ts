import { defineRule } from '../compat.types';

/** The default applied when clients omit a value changed. */
export default defineRule({
  id: 'request-default-changed',
  level: 'warning',
  bump: 'patch',
  area: 'schema',
  direction: 'request',
  facts: ['default-changed'],
  summary: 'The default applied when clients omit a value changed.',
});
