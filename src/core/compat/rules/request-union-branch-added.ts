import { defineRule } from '../compat.types';

/** A new variant is accepted. */
export default defineRule({
  id: 'request-union-branch-added',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['union-branch-added'],
  summary: 'A new variant is accepted.',
});
