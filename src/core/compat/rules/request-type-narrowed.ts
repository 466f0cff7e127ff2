import { defineRule } from '../compat.types';

/** Fewer types are accepted. */
export default defineRule({
  id: 'request-type-narrowed',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['type-changed'],
  when: (f) => f.details.tightened === true,
  summary: 'Fewer types are accepted.',
});
