import { defineRule } from '../compat.types';

/** A server URL was removed. */
export default defineRule({
  id: 'server-removed',
  level: 'warning',
  bump: 'patch',
  area: 'server',
  facts: ['server-removed'],
  summary: 'A server URL was removed.',
});
