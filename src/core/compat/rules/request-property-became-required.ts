import { defineRule } from '../compat.types';

/** An optional property clients send became required. */
export default defineRule({
  id: 'request-property-became-required',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['property-required-changed'],
  when: (f) => f.details.to === true,
  summary: 'An optional property clients send became required.',
});
