import { defineRule } from '../compat.types';
import { isSuccess } from './status';

/** A success response no longer comes in a media type clients may ask for. */
export default defineRule({
  id: 'response-media-type-removed',
  level: 'breaking',
  bump: 'minor',
  area: 'response',
  direction: 'response',
  api: 'openapi',
  facts: ['media-type-removed'],
  when: (f) => isSuccess(f),
  summary: 'A success response no longer comes in a media type clients may ask for.',
});
