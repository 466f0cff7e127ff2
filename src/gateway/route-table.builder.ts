/**
 * Builds a RouteTable from RouteTableInput: compiles each served version's policy
 * plan and validators (cached by digest: published versions are immutable), binds
 * the domain's JWT verifier, the consumer keys, rate limiters and upstream pools.
 * All compiling happens here, never per request.
 *
 * Failure policy: a version that fails to compile is reported as an error and its
 * route keeps serving the last version that compiled for it (if any); anything
 * thrown while building (a bug) rejects the whole build and the live table stays.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import semver from 'semver';
import { compilePolicy, type OperationPlan } from '../core/policy';
import {
  ApiKeyStore,
  bindOperationPolicies,
  compileVersionValidators,
  type CompiledVersion,
  type JwtVerifier,
  type LimiterRegistry,
} from '../policies';
import { lifecycleHeaders } from './lifecycle-headers';
import type { GatewayLimits } from './gateway.limits';
import type { ApplyTableIssue, DomainInput, PublishedApiInput, RouteTableInput } from './route-table.input';
import { RouteTable, type ApiRoute, type RouteMethods, type RouteOperation } from './route-table';
import { PathRouter } from './routing/path-router';
import type { UpstreamRegistry } from './upstream/upstream';
import { VerifierRegistry } from './verifier-registry';

export interface BuildResult {
  table: RouteTable;
  errors: ApplyTableIssue[];
  warnings: ApplyTableIssue[];
}

interface DomainRuntime {
  input: DomainInput;
  upstream?: URL;
  /** An upstream is configured but unusable: answer 503 rather than mock or guess. */
  upstreamInvalid?: boolean;
  jwt?: JwtVerifier;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class RouteTableBuilder {
  private compiled = new Map<string, { digest: string; version: CompiledVersion }>();
  private lastGood = new Map<string, PublishedApiInput>();
  readonly verifiers: VerifierRegistry;

  constructor(
    private readonly limiters: LimiterRegistry,
    private readonly upstreams: UpstreamRegistry,
    private readonly limits: GatewayLimits,
    private readonly logger: Logger,
  ) {
    this.verifiers = new VerifierRegistry(limits);
  }

  async build(input: RouteTableInput, now: Date): Promise<BuildResult> {
    const errors: ApplyTableIssue[] = [];
    const warnings: ApplyTableIssue[] = [];
    const keys = new ApiKeyStore(input.consumers);
    const domains = new Map<string, DomainRuntime>();
    for (const domain of input.domains) {
      domains.set(domain.key, this.domainRuntime(domain, input.env, warnings));
    }

    const apis = new Map<string, ApiRoute>();
    const usedCompiled = new Map<string, { digest: string; version: CompiledVersion }>();
    const nextGood = new Map<string, PublishedApiInput>();
    for (const [routeKey, candidates] of this.servedVersions(input.apis)) {
      let built: ApiRoute | undefined;
      for (const candidate of candidates) {
        const issues: ApplyTableIssue[] = [];
        const compiled = await this.compileVersion(candidate, issues, warnings);
        errors.push(...issues);
        if (!compiled) {
          continue;
        }
        usedCompiled.set(versionKey(candidate), compiled);
        const domain = domains.get(candidate.domain) ?? this.unknownDomain(candidate, domains, warnings);
        built = this.apiRoute(routeKey, candidate, compiled.version, domain, keys, now);
        nextGood.set(routeKey, candidate);
        break;
      }
      if (built) {
        apis.set(routeKey, built);
      }
      await yieldToEventLoop();
    }
    this.compiled = usedCompiled;
    this.lastGood = nextGood;
    return { table: new RouteTable(apis, now), errors, warnings };
  }

  /** Per `domain/api/v{major}`: the highest version first, then the last good one as fallback. */
  private servedVersions(apis: PublishedApiInput[]): Map<string, PublishedApiInput[]> {
    const best = new Map<string, PublishedApiInput>();
    for (const api of apis) {
      if (api.kind !== 'openapi') {
        continue;
      }
      const key = `${api.domain}/${api.api}/v${api.major}`;
      const current = best.get(key);
      if (!current || compareVersions(api.version, current.version) > 0) {
        best.set(key, api);
      }
    }
    const out = new Map<string, PublishedApiInput[]>();
    for (const [key, api] of best) {
      const fallback = this.lastGood.get(key);
      out.set(key, fallback && fallback.version !== api.version ? [api, fallback] : [api]);
    }
    return out;
  }

  private async compileVersion(
    api: PublishedApiInput,
    errors: ApplyTableIssue[],
    warnings: ApplyTableIssue[],
  ): Promise<{ digest: string; version: CompiledVersion } | undefined> {
    const key = versionKey(api);
    const digest = api.digest ?? createHash('sha256').update(JSON.stringify(api.document)).digest('hex');
    const cached = this.compiled.get(key);
    if (cached && cached.digest === digest) {
      return cached;
    }
    const where = { domain: api.domain, api: api.api, version: api.version };
    const plan = compilePolicy(api.document);
    if (!plan.ok) {
      for (const e of plan.errors) {
        errors.push({ severity: 'error', code: e.code, message: e.message, pointer: e.source.pointer, ...where });
      }
      return undefined;
    }
    for (const w of plan.value.warnings) {
      warnings.push({ severity: 'warning', code: w.code, message: w.message, pointer: w.source.pointer, ...where });
    }
    const started = Date.now();
    const version = await compileVersionValidators(plan.value, api.document, key);
    for (const w of version.warnings) {
      warnings.push({ severity: 'warning', code: 'SCHEMA_NOT_VALIDATED', message: w.message, pointer: w.pointer || undefined, ...where });
    }
    this.logger.debug({ ...where, operations: plan.value.operations.length, ms: Date.now() - started }, 'compiled version policies');
    return { digest, version };
  }

  private domainRuntime(domain: DomainInput, env: RouteTableInput['env'], warnings: ApplyTableIssue[]): DomainRuntime {
    const runtime: DomainRuntime = { input: domain };
    const override = env[`CHARTER_UPSTREAM_${domain.key.toUpperCase().replace(/-/g, '_')}`];
    const raw = override !== undefined && override !== '' ? override : domain.upstream;
    if (raw) {
      try {
        const url = new URL(raw);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
          throw new Error('not http(s)');
        }
        runtime.upstream = url;
      } catch {
        warnings.push({ severity: 'warning', code: 'UPSTREAM_INVALID', message: `upstream "${raw}" is not an http(s) URL; answering 503`, domain: domain.key });
        runtime.upstreamInvalid = true;
      }
    }
    const jwt = domain.auth?.jwt;
    if (jwt) {
      const verifier = this.verifiers.acquire(domain.key, jwt, env);
      if (verifier.ok) {
        runtime.jwt = verifier.verifier;
      } else {
        warnings.push({ severity: 'warning', code: 'JWT_UNVERIFIABLE', message: `${verifier.reason}; bearer requirements answer 401`, domain: domain.key });
      }
    }
    return runtime;
  }

  private unknownDomain(api: PublishedApiInput, domains: Map<string, DomainRuntime>, warnings: ApplyTableIssue[]): DomainRuntime {
    warnings.push({ severity: 'warning', code: 'DOMAIN_UNKNOWN', message: `domain "${api.domain}" has no domain.yaml data: mocks, no JWT verifier`, domain: api.domain });
    const runtime: DomainRuntime = { input: { key: api.domain } };
    domains.set(api.domain, runtime);
    return runtime;
  }

  private apiRoute(key: string, api: PublishedApiInput, compiled: CompiledVersion, domain: DomainRuntime, keys: ApiKeyStore, now: Date): ApiRoute {
    const route: ApiRoute = {
      key,
      domain: api.domain,
      api: api.api,
      version: api.version,
      major: api.major,
      deprecated: api.lifecycle === 'deprecated',
      upstream: domain.upstream ? this.upstreams.acquire(domain.upstream) : undefined,
      upstreamInvalid: domain.upstreamInvalid === true,
      lifecycleHeaders: api.lifecycle === 'deprecated' ? lifecycleHeaders(api.deprecatedAt ?? now, api.sunsetAt) : [],
      forwardLabel: `${api.domain}/${api.api}@${api.version}`,
      router: new PathRouter<RouteMethods>(),
    };
    const policies = bindOperationPolicies(compiled, {
      auth: { domain: api.domain, jwt: domain.jwt, keys },
      limiters: this.limiters,
      limiterPrefix: `charter:rl:${key.replace(/\//g, ':')}`,
    });
    const schemes = compiled.plan.securitySchemes;
    for (const op of policies) {
      const methods = route.router.add(op.plan.segments, () => ({ byMethod: new Map(), allow: '' }));
      const keysUsed = apiKeySchemes(op.plan, schemes);
      const label = `${key} ${op.plan.pathTemplate}`;
      const operation: RouteOperation = {
        api: route,
        policies: op,
        id: op.plan.id,
        method: op.plan.method,
        template: op.plan.pathTemplate,
        label,
        usageKey: `${label}\n${op.plan.method}\n${api.version}`,
        apiKeyHeaders: keysUsed.filter((s) => s.in === 'header').map((s) => s.paramName),
        apiKeyQuery: keysUsed.filter((s) => s.in === 'query').map((s) => s.paramName),
      };
      methods.byMethod.set(op.plan.method, operation);
      methods.allow = [...methods.byMethod.keys()].sort().join(', ');
    }
    return route;
  }
}

function apiKeySchemes(op: OperationPlan, schemes: CompiledVersion['plan']['securitySchemes']): Array<{ in: string; paramName: string }> {
  const out: Array<{ in: string; paramName: string }> = [];
  for (const requirement of op.security) {
    for (const { scheme } of requirement.schemes) {
      const plan = schemes[scheme];
      if (plan?.type === 'apiKey') {
        out.push({ in: plan.in, paramName: plan.paramName });
      }
    }
  }
  return out;
}

function versionKey(api: PublishedApiInput): string {
  return `${api.domain}/${api.api}/${api.version}`;
}

function compareVersions(a: string, b: string): number {
  const va = semver.valid(a);
  const vb = semver.valid(b);
  if (va && vb) {
    return semver.compare(va, vb);
  }
  return a.localeCompare(b);
}
