import { defineRule } from '../compat.types';

/** An optional response header is gone. */
export default defineRule({
  id: 'response-optional-header-removed',
  level: 'warning',
  bump: 'patch',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['response-header-removed'],
  when: (f) => f.details.required !== true,
  summary: 'An optional response header is gone.',
});
