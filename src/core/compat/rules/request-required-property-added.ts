import { defineRule } from '../compat.types';

/** A new required property in what clients send. */
export default defineRule({
  id: 'request-required-property-added',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['property-added'],
  when: (f) => f.details.required === true,
  summary: 'A new required property in what clients send.',
});
