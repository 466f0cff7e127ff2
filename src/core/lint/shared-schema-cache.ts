/**
 * Spectral's `schema` function keys its Ajv instances by the run's documentInventory,
 * so the rules that validate an AsyncAPI document against the (fixed, large) AsyncAPI
 * JSON Schema recompile it on every lint run: about 300 ms per AsyncAPI file. Those
 * rules use the inventory only as that cache key (spectral-rulesets
 * asyncapi/functions/asyncApiDocumentSchema.js, spectral-functions schema/index.js),
 * so they get one process-wide key and the compiled validator is reused. Rules that
 * compile user schemas (examples, payloads) keep the per-run key: a user schema's
 * $id must never leak from one document into another.
 */
import type { RulesetFunction, RulesetFunctionContext } from '@stoplight/spectral-core';

export const SHARED_SCHEMA_CACHE_RULES: ReadonlySet<string> = new Set([
  'asyncapi-schema',
  'asyncapi-3-document-resolved',
  'asyncapi-3-document-unresolved',
]);

const SHARED_KEY = Object.freeze({}) as RulesetFunctionContext['documentInventory'];

export function withSharedSchemaCache(fn: RulesetFunction<unknown, unknown>): RulesetFunction<unknown, unknown> {
  const shared: RulesetFunction<unknown, unknown> = (input, options, context) => fn(input, options, { ...context, documentInventory: SHARED_KEY });
  Object.defineProperty(shared, 'name', { value: fn.name });
  return shared;
}
