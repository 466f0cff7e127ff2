/**
 * Policy compiler: a published OpenAPI document + domain defaults -> PolicyPlan.
 *
 * Invariants:
 * - Pure and framework-free: no I/O, clock, env, Nest, ajv or HTTP types here; the
 *   plan is plain JSON-able data the runtime (src/policies, src/gateway) compiles.
 * - Schemas stay in the document and are named by JSON pointers, so `$ref` cycles
 *   remain references (a validator compiles them once) instead of object cycles.
 * - Invalid x-charter-* extensions fail the plan; unsupported constructs (basic
 *   auth, matrix style, content-typed params) compile with a fail-closed or
 *   skip-validation fallback and are listed in `warnings`.
 * - Defaults: request validation enforce, response monitor (DESIGN.md); rate limit
 *   from the operation, else the document root, else the domain default.
 */
export { compilePolicy, dialectOf, RATE_LIMIT_EXTENSION, VALIDATION_EXTENSION } from './compile-policy';
export { isJsonMediaType } from './mock.compile';
export { parseWindow } from './rate-limit.compile';
export { isObject, pointerToFragment, resolveRef, valueAt } from './ref-resolver';
export { sampleFromSchema } from './schema-sampler';
export * from './policy-plan';
