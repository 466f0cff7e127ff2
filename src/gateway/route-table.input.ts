/**
 * The seam between the registry (control plane) and the gateway (data plane):
 * plain data the registry assembles from published versions, domains and
 * consumers, handed to GatewayServer.applyTable. No Nest, no TypeORM, no env
 * reads: whatever the gateway needs from the environment comes in `env`.
 */

export interface PublishedApiInput {
  domain: string;
  api: string;
  /** Semver of the published version; per major, the highest one is served. */
  version: string;
  major: number;
  /** asyncapi versions are not routed. */
  kind: 'openapi' | 'asyncapi';
  lifecycle: 'published' | 'deprecated';
  deprecatedAt?: Date;
  sunsetAt?: Date;
  /** The bundled document (internal `#/` refs only). */
  document: Record<string, unknown>;
  /**
   * sha256 of the document as stored by the registry. Optional but recommended:
   * compiled validators are cached by it across reloads, otherwise the gateway
   * hashes the document itself on every applyTable.
   */
  digest?: string;
}

export interface DomainJwtInput {
  issuer?: string;
  audience?: string | string[];
  jwksUri?: string;
  /** Name of the env variable (looked up in RouteTableInput.env) holding the HS256 secret. */
  secretEnv?: string;
  clockSkewSeconds?: number;
}

export interface DomainInput {
  key: string;
  /** Base URL; `CHARTER_UPSTREAM_<DOMAIN>` in `env` overrides it; none = mock answers. */
  upstream?: string;
  auth?: { jwt?: DomainJwtInput };
  correlation?: { required?: boolean };
}

export interface ConsumerKeyInput {
  consumerId: string;
  name: string;
  /** Restricts the key to one domain; absent = valid for every domain. */
  domain?: string;
  /** sha256 hex of the API key. */
  keyHash: string;
  scopes?: string[];
}

export interface RouteTableInput {
  apis: PublishedApiInput[];
  domains: DomainInput[];
  consumers: ConsumerKeyInput[];
  /** For `secretEnv` and `CHARTER_UPSTREAM_<DOMAIN>`; passed in, never read from process.env inside. */
  env: Record<string, string | undefined>;
}

export interface ApplyTableIssue {
  /** `error`: the version (or domain) is not served as given; `warning`: served with a fallback. */
  severity: 'error' | 'warning';
  code: string;
  message: string;
  domain?: string;
  api?: string;
  version?: string;
  pointer?: string;
}

export interface ApplyTableResult {
  /** False when any error was found; the live table then holds what could be built (see README). */
  ok: boolean;
  /** True when the new table was swapped in (false only when the build failed as a whole). */
  applied: boolean;
  errors: ApplyTableIssue[];
  warnings: ApplyTableIssue[];
  /** Route prefixes now served: `domain/api/v{major}` -> version. */
  routes: Record<string, string>;
}

/** One aggregated usage counter, flushed in batches through `usageSink`. */
export interface UsageRecord {
  domain: string;
  api: string;
  version: string;
  major: number;
  operationId: string;
  method: string;
  /** The operation's path template, e.g. `/shipments/{id}`. */
  path: string;
  /** Registered consumer (API key) or the JWT's client id; null when anonymous or not authenticated. */
  consumerId: string | null;
  windowStart: Date;
  windowEnd: Date;
  requests: number;
  /** Answers with status 400-499 (including the gateway's own rejections). */
  clientErrors: number;
  /** Answers with status 500-599. */
  serverErrors: number;
}
