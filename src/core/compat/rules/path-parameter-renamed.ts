import { defineRule } from '../compat.types';

/** A path variable was renamed; the URLs clients call do not change. */
export default defineRule({
  id: 'path-parameter-renamed',
  level: 'info',
  bump: 'patch',
  area: 'endpoint',
  api: 'openapi',
  facts: ['path-parameter-renamed'],
  summary: 'A path variable was renamed; the URLs clients call do not change.',
});
