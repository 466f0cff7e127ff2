import { defineRule } from '../compat.types';

/** A variant clients may send is no longer accepted. */
export default defineRule({
  id: 'request-union-branch-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['union-branch-removed'],
  summary: 'A variant clients may send is no longer accepted.',
});
