import { defineRule } from '../compat.types';

/** A variant is no longer returned. */
export default defineRule({
  id: 'response-union-branch-removed',
  level: 'info',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['union-branch-removed'],
  summary: 'A variant is no longer returned.',
});
