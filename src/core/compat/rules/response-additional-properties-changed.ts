import { defineRule } from '../compat.types';

/** Whether unlisted properties may be returned changed. */
export default defineRule({
  id: 'response-additional-properties-changed',
  level: 'info',
  bump: 'patch',
  area: 'schema',
  direction: 'response',
  facts: ['additional-properties-changed'],
  summary: 'Whether unlisted properties may be returned changed.',
});
