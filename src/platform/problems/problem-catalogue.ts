/**
 * Every error kind Charter answers with, mapped once to HTTP status, a stable
 * slug (the `type` URI ends in /problems/<slug>) and a title. The registry API and
 * the gateway both answer from this catalogue; the Record type makes a missing code
 * a compile error, and a unit test keeps docs/problems.md in step with it.
 * Plain data: no Nest, so the gateway's hot path can import it.
 */
export const PROBLEM_TYPE_BASE = 'https://charter.dev/problems/';

export type ProblemCode =
  | 'MALFORMED_REQUEST'
  | 'VALIDATION_FAILED'
  | 'INVALID_IDEMPOTENCY_KEY'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'DOMAIN_NOT_FOUND'
  | 'API_NOT_FOUND'
  | 'VERSION_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_ACCEPTABLE'
  | 'REQUEST_TIMEOUT'
  | 'VERSION_CONFLICT'
  | 'KIND_CONFLICT'
  | 'ALREADY_EXISTS'
  | 'IDEMPOTENCY_KEY_IN_USE'
  | 'INVALID_LIFECYCLE_TRANSITION'
  | 'BREAKING_CHANGE'
  | 'SEMVER_VIOLATION'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'HEADERS_TOO_LARGE'
  | 'INVALID_CONTRACT'
  | 'GOVERNANCE_VIOLATION'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  | 'BAD_GATEWAY'
  | 'RESPONSE_VALIDATION_FAILED'
  | 'SERVICE_UNAVAILABLE'
  | 'GATEWAY_TIMEOUT';

export interface ProblemKind {
  status: number;
  slug: string;
  title: string;
}

export const PROBLEMS: Record<ProblemCode, ProblemKind> = {
  MALFORMED_REQUEST: { status: 400, slug: 'malformed-request', title: 'Malformed request' },
  VALIDATION_FAILED: { status: 400, slug: 'validation-failed', title: 'Request validation failed' },
  INVALID_IDEMPOTENCY_KEY: { status: 400, slug: 'invalid-idempotency-key', title: 'Invalid Idempotency-Key header' },
  UNAUTHENTICATED: { status: 401, slug: 'unauthenticated', title: 'Authentication required' },
  FORBIDDEN: { status: 403, slug: 'forbidden', title: 'Forbidden' },
  NOT_FOUND: { status: 404, slug: 'not-found', title: 'Not found' },
  DOMAIN_NOT_FOUND: { status: 404, slug: 'domain-not-found', title: 'Domain not found' },
  API_NOT_FOUND: { status: 404, slug: 'api-not-found', title: 'API not found' },
  VERSION_NOT_FOUND: { status: 404, slug: 'version-not-found', title: 'Version not found' },
  METHOD_NOT_ALLOWED: { status: 405, slug: 'method-not-allowed', title: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, slug: 'not-acceptable', title: 'Not acceptable' },
  REQUEST_TIMEOUT: { status: 408, slug: 'request-timeout', title: 'Request timeout' },
  VERSION_CONFLICT: { status: 409, slug: 'version-conflict', title: 'Version already published with other content' },
  KIND_CONFLICT: { status: 409, slug: 'kind-conflict', title: 'Contract kind differs from the API' },
  ALREADY_EXISTS: { status: 409, slug: 'already-exists', title: 'Already exists' },
  IDEMPOTENCY_KEY_IN_USE: { status: 409, slug: 'idempotency-key-in-use', title: 'A request with this Idempotency-Key is in progress' },
  INVALID_LIFECYCLE_TRANSITION: { status: 409, slug: 'invalid-lifecycle-transition', title: 'Invalid lifecycle transition' },
  BREAKING_CHANGE: { status: 409, slug: 'breaking-change', title: 'Breaking change' },
  SEMVER_VIOLATION: { status: 409, slug: 'semver-violation', title: 'Version bump does not match the change' },
  PAYLOAD_TOO_LARGE: { status: 413, slug: 'payload-too-large', title: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, slug: 'unsupported-media-type', title: 'Unsupported media type' },
  HEADERS_TOO_LARGE: { status: 431, slug: 'request-header-fields-too-large', title: 'Request header fields too large' },
  INVALID_CONTRACT: { status: 422, slug: 'invalid-contract', title: 'Invalid contract' },
  GOVERNANCE_VIOLATION: { status: 422, slug: 'governance-violation', title: 'Contract violates governance rules' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, slug: 'idempotency-key-reused', title: 'Idempotency-Key reused for another request' },
  RATE_LIMITED: { status: 429, slug: 'rate-limited', title: 'Too many requests' },
  INTERNAL_ERROR: { status: 500, slug: 'internal-error', title: 'Internal error' },
  BAD_GATEWAY: { status: 502, slug: 'bad-gateway', title: 'Bad gateway' },
  RESPONSE_VALIDATION_FAILED: { status: 502, slug: 'response-validation-failed', title: 'Upstream response violates the contract' },
  SERVICE_UNAVAILABLE: { status: 503, slug: 'service-unavailable', title: 'Service unavailable' },
  GATEWAY_TIMEOUT: { status: 504, slug: 'gateway-timeout', title: 'Gateway timeout' },
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One located item of a problem's `errors` array. */
export interface ProblemError {
  pointer?: string;
  line?: number;
  column?: number;
  file?: string;
  code?: string;
  message: string;
  [extra: string]: unknown;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ProblemCode;
  correlationId?: string;
  errors?: ProblemError[];
  [extension: string]: unknown;
}

export function problemBody(
  code: ProblemCode,
  detail?: string,
  extensions: Partial<Omit<ProblemBody, 'type' | 'title' | 'status' | 'code'>> = {},
): ProblemBody {
  const kind = PROBLEMS[code];
  return { type: PROBLEM_TYPE_BASE + kind.slug, title: kind.title, status: kind.status, detail, code, ...extensions };
}
