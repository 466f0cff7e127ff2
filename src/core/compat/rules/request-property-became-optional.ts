import { defineRule } from '../compat.types';

/** A required property clients send became optional. */
export default defineRule({
  id: 'request-property-became-optional',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['property-required-changed'],
  when: (f) => f.details.to !== true,
  summary: 'A required property clients send became optional.',
});
