import { defineRule } from '../compat.types';

/** A property clients send was removed from a schema that rejects unknown properties. */
export default defineRule({
  id: 'request-property-no-longer-accepted',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['property-removed'],
  when: (f) => f.details.closed === true && f.details.reason === undefined,
  summary: 'A property clients send was removed from a schema that rejects unknown properties.',
});
