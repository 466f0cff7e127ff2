/**
 * Request validation per x-charter-validation.request: parameters of every
 * location and, for JSON or form media with a schema, the body (buffered up to
 * the body limit, parsed once, and forwarded as those same bytes). Enforce: 400 listing
 * every error with its location (415 for an undeclared content type, 413 past the
 * size limit). Monitor: the request goes on; violations are logged and counted.
 * The body size limit holds in every mode, also for streamed bodies.
 */
import type { ValidationError } from '../../policies';
import { hasRequestBody, readBody } from './body-reader';
import type { RequestContext } from './request-context';
import { DONE, NEXT, PRIORITY, type GatewayRuntime, type Stage, type StageOutcome } from './stage';

const CLOSE = ['connection', 'close'];

export class RequestValidationStage implements Stage {
  readonly name = 'requestValidation';
  readonly priority = PRIORITY.requestValidation;

  constructor(private readonly runtime: GatewayRuntime) {}

  run(ctx: RequestContext): StageOutcome | Promise<StageOutcome> {
    const { req } = ctx;
    const length = req.headers['content-length'];
    if (length !== undefined && Number(length) > this.runtime.limits.maxBodyBytes) {
      ctx.reject('PAYLOAD_TOO_LARGE', `request body exceeds ${this.runtime.limits.maxBodyBytes} bytes`, { headers: CLOSE });
      return DONE;
    }
    const validator = ctx.op!.policies.request;
    if (!validator) {
      return NEXT;
    }
    const errors: ValidationError[] = [];
    validator.validateParams({ pathParams: ctx.pathParams, query: ctx.query, headers: req.headers }, errors);
    const verdict = validator.checkBody(req.headers['content-type'], hasRequestBody(req));
    if (!verdict.ok) {
      errors.push(verdict.error);
      if (this.enforced(ctx)) {
        ctx.reject(verdict.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED', describe(errors), { errors });
        return DONE;
      }
    }
    const media = verdict.ok ? verdict.media : undefined;
    if (!media?.validate) {
      return this.conclude(ctx, errors);
    }
    ctx.bodyMedia = media;
    return readBody(req, this.runtime.limits.maxBodyBytes).then((read) => {
      if (!read.ok) {
        if (read.reason === 'too-large') {
          ctx.reject('PAYLOAD_TOO_LARGE', `request body exceeds ${this.runtime.limits.maxBodyBytes} bytes`, { headers: CLOSE });
        } else {
          ctx.res.destroy();
        }
        return DONE;
      }
      ctx.body = read.body;
      const parsed = validator.parseBody(media, read.body);
      if (!parsed.ok) {
        errors.push(parsed.error);
        // Unparseable JSON is its own problem; a form field repeated is a validation error like the rest.
        if (parsed.error.keyword === 'json' && this.enforced(ctx)) {
          ctx.reject('MALFORMED_REQUEST', 'request body is not valid JSON', { errors });
          return DONE;
        }
        return this.conclude(ctx, errors);
      }
      validator.validateBody(media, parsed.value, errors);
      return this.conclude(ctx, errors);
    });
  }

  private enforced(ctx: RequestContext): boolean {
    return ctx.op!.policies.plan.validation.request === 'enforce';
  }

  private conclude(ctx: RequestContext, errors: ValidationError[]): StageOutcome {
    if (errors.length === 0) {
      return NEXT;
    }
    if (this.enforced(ctx)) {
      ctx.reject('VALIDATION_FAILED', describe(errors), { errors });
      return DONE;
    }
    this.runtime.metrics.validation(ctx.op!.label, 'request', 'failed');
    this.runtime.logger.warn({ correlationId: ctx.correlationId, route: ctx.op!.label, errors }, 'request violates the contract (monitor mode)');
    return NEXT;
  }
}

function describe(errors: ValidationError[]): string {
  return `${errors.length} validation error${errors.length === 1 ? '' : 's'} in the request`;
}
