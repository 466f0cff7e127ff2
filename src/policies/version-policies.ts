/**
 * PolicyPlan -> runtime handlers for one published version. Split in two because
 * they change at different rates:
 * - compileVersionValidators: ajv work, the expensive part, depends only on the
 *   immutable document, so the gateway caches it per version digest across reloads;
 * - bindOperationPolicies: cheap per-table wiring of the domain's verifier, the
 *   consumer keys and the limiters, redone on every table build.
 */
import type { OperationPlan, PolicyPlan } from '../core/policy';
import { prepareMock, type PreparedMock } from './mock/mock-responder';
import { SecurityEvaluator, type AuthContext } from './auth/security-evaluator';
import type { LimiterRegistry } from './rate-limit/limiter-registry';
import { RateLimitPolicy } from './rate-limit/rate-limit.policy';
import { VersionSchemaCompiler, type SchemaCompileWarning } from './schema/schema-compiler';
import { RequestValidator } from './validation/request-validator';
import { ResponseValidator } from './validation/response-validator';

export interface OperationValidators {
  request?: RequestValidator;
  response?: ResponseValidator;
}

export interface CompiledVersion {
  plan: PolicyPlan;
  validators: Map<OperationPlan, OperationValidators>;
  mocks: Map<OperationPlan, PreparedMock>;
  warnings: SchemaCompileWarning[];
}

/** Longest stretch of compiling before giving the event loop back to live traffic. */
const SLICE_MS = 15;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Compiles every validator a version needs (skipping those whose mode is `off`).
 * A big contract takes seconds of ajv work, so this yields to the event loop every
 * few milliseconds: requests on the live table keep flowing during a rebuild.
 */
export async function compileVersionValidators(plan: PolicyPlan, document: Record<string, unknown>, key: string): Promise<CompiledVersion> {
  const compiler = new VersionSchemaCompiler(document, plan.dialect, key);
  const validators = new Map<OperationPlan, OperationValidators>();
  const mocks = new Map<OperationPlan, PreparedMock>();
  let sliceStart = Date.now();
  for (const op of plan.operations) {
    if (Date.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = Date.now();
    }
    validators.set(op, {
      request: op.validation.request === 'off' ? undefined : new RequestValidator(op, compiler),
      response: op.validation.response === 'off' ? undefined : new ResponseValidator(op, compiler),
    });
    mocks.set(op, prepareMock(op.mock));
  }
  return { plan, validators, mocks, warnings: compiler.warnings };
}

export interface OperationPolicies {
  plan: OperationPlan;
  request?: RequestValidator;
  response?: ResponseValidator;
  auth: SecurityEvaluator;
  rateLimit?: RateLimitPolicy;
  mock: PreparedMock;
}

export interface BindContext {
  auth: AuthContext;
  limiters: LimiterRegistry;
  /** Stable per API and major version, e.g. `charter:rl:dispatch:shipments:v1`. */
  limiterPrefix: string;
}

export function bindOperationPolicies(compiled: CompiledVersion, ctx: BindContext): OperationPolicies[] {
  return compiled.plan.operations.map((op) => {
    const validators = compiled.validators.get(op) ?? {};
    const limit = op.rateLimit;
    const prefix = limit?.scope === 'operation' ? `${ctx.limiterPrefix}:${op.method}:${op.pathTemplate}:${limit.by}` : `${ctx.limiterPrefix}:${limit?.by}`;
    return {
      plan: op,
      request: validators.request,
      response: validators.response,
      auth: new SecurityEvaluator(op.security, compiled.plan.securitySchemes, ctx.auth),
      rateLimit: limit ? new RateLimitPolicy(ctx.limiters.acquire(prefix, limit), limit) : undefined,
      mock: compiled.mocks.get(op) ?? prepareMock({ status: 200, source: 'none' }),
    };
  });
}
