import { defineRule } from '../compat.types';

/** The operationId changed; generated clients rename the method. */
export default defineRule({
  id: 'operation-id-changed',
  level: 'warning',
  bump: 'patch',
  area: 'endpoint',
  api: 'openapi',
  facts: ['operation-id-changed'],
  summary: 'The operationId changed; generated clients rename the method.',
});
