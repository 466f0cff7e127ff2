import { defineRule } from '../compat.types';

/** An optional property clients may read is gone. */
export default defineRule({
  id: 'response-optional-property-removed',
  level: 'warning',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['property-removed'],
  when: (f) => f.details.required !== true,
  summary: 'An optional property clients may read is gone.',
});
