import { defineRule } from '../compat.types';

/** The format no longer guarantees what it did. */
export default defineRule({
  id: 'response-format-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'schema',
  direction: 'response',
  facts: ['format-changed'],
  when: (f) => f.details.loosened === true,
  summary: 'The format no longer guarantees what it did.',
});
