import { defineRule } from '../compat.types';

/** A new optional property in what clients send. */
export default defineRule({
  id: 'request-optional-property-added',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['property-added'],
  when: (f) => f.details.required !== true,
  summary: 'A new optional property in what clients send.',
});
