import { defineRule } from '../compat.types';

/** A property clients send is no longer documented. */
export default defineRule({
  id: 'request-property-removed',
  level: 'warning',
  bump: 'patch',
  area: 'schema',
  direction: 'request',
  facts: ['property-removed'],
  when: (f) => !(f.details.closed === true && f.details.reason === undefined),
  summary: 'A property clients send is no longer documented.',
});
