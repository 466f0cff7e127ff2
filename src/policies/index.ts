/**
 * Policies: PolicyPlan (src/core/policy) -> runtime handlers the gateway calls per
 * request. Everything here is built at route-table build time; the per-request
 * methods (validateParams, validateBody, evaluate, consume) do no compiling,
 * parsing of configuration or I/O beyond the limiter store and the JWKS cache.
 * Plain classes, no Nest: the gateway's hot path must not depend on it.
 */
export { ApiKeyStore, hashApiKey, type ConsumerKey } from './auth/api-key-store';
export { JwtVerifier, type JwtVerifierOptions, type VerifiedToken } from './auth/jwt-verifier';
export { ANONYMOUS, SecurityEvaluator, type AuthContext, type AuthRequest, type AuthResult, type Identity } from './auth/security-evaluator';
export { prepareMock, type PreparedMock } from './mock/mock-responder';
export { LimiterRegistry } from './rate-limit/limiter-registry';
export { RateLimitPolicy, type RateLimitOutcome } from './rate-limit/rate-limit.policy';
export { ReloadCache, type ReloadCacheHooks } from './reload-cache';
export { VersionSchemaCompiler } from './schema/schema-compiler';
export { baseMediaType, isJsonType } from './validation/media-type';
export { RequestValidator, type BodyMedia, type RequestParts } from './validation/request-validator';
export { ResponseValidator, type ResponseCheck } from './validation/response-validator';
export { MAX_REPORTED_ERRORS, type ValidationError } from './validation/validation-error';
export {
  bindOperationPolicies,
  compileVersionValidators,
  type BindContext,
  type CompiledVersion,
  type OperationPolicies,
  type OperationValidators,
} from './version-policies';
