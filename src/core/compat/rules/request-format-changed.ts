import { defineRule } from '../compat.types';

/** The format accepts fewer values. */
export default defineRule({
  id: 'request-format-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'request',
  facts: ['format-changed'],
  when: (f) => f.details.tightened === true,
  summary: 'The format accepts fewer values.',
});
