import { defineRule } from '../compat.types';

/** A new variant may be returned that clients cannot read. */
export default defineRule({
  id: 'response-union-branch-added',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'response',
  facts: ['union-branch-added'],
  summary: 'A new variant may be returned that clients cannot read.',
});
