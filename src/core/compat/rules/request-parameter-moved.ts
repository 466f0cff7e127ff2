import { defineRule } from '../compat.types';

/** A parameter moved to another location (query, header, path, cookie). */
export default defineRule({
  id: 'request-parameter-moved',
  level: 'breaking',
  bump: 'minor',
  area: 'parameter',
  direction: 'request',
  api: 'openapi',
  facts: ['parameter-moved'],
  summary: 'A parameter moved to another location (query, header, path, cookie).',
});
