import { defineRule } from '../compat.types';

/** A new property in what clients receive. */
export default defineRule({
  id: 'response-property-added',
  level: 'info',
  bump: 'minor',
  area: 'schema',
  direction: 'response',
  facts: ['property-added'],
  summary: 'A new property in what clients receive.',
});
