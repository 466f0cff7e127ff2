import { defineRule } from '../compat.types';

/** The schemas were too large to compare completely; the result may be incomplete. */
export default defineRule({
  id: 'diff-truncated',
  level: 'warning',
  bump: 'patch',
  area: 'document',
  facts: ['diff-truncated'],
  summary: 'The schemas were too large to compare completely; the result may be incomplete.',
});
