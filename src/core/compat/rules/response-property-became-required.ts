import { defineRule } from '../compat.types';

/** A property is now always present. */
export default defineRule({
  id: 'response-property-became-required',
  level: 'info',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['property-required-changed'],
  when: (f) => f.details.to === true,
  summary: 'A property is now always present.',
});
