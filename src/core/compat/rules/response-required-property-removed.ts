import { defineRule } from '../compat.types';

/** A property clients always received is gone. */
export default defineRule({
  id: 'response-required-property-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'response',
  facts: ['property-removed'],
  when: (f) => f.details.required === true,
  summary: 'A property clients always received is gone.',
});
