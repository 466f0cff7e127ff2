import { defineRule } from '../compat.types';

/** A security scheme changed how credentials are presented or obtained. */
export default defineRule({
  id: 'security-scheme-changed',
  level: 'breaking',
  bump: 'minor',
  area: 'security',
  api: 'openapi',
  facts: ['security-scheme-changed'],
  summary: 'A security scheme changed how credentials are presented or obtained.',
});
