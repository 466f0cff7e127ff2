import { defineRule } from '../compat.types';

/** An operation was removed. */
export default defineRule({
  id: 'operation-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'operation',
  api: 'asyncapi',
  facts: ['operation-removed'],
  summary: 'An operation was removed.',
});
