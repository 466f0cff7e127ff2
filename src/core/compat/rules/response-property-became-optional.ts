import { defineRule } from '../compat.types';

/** A property clients always received may now be absent. */
export default defineRule({
  id: 'response-property-became-optional',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'response',
  facts: ['property-required-changed'],
  when: (f) => f.details.to !== true,
  summary: 'A property clients always received may now be absent.',
});
