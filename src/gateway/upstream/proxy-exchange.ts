/**
 * One proxied request as an undici dispatch handler: the upstream's answer is
 * written to the client chunk by chunk as undici parses it, with no Readable
 * stream, pipe or promise in between (undici's `request()` builds all three per
 * request, the largest share of a proxied request's own CPU after the syscalls).
 *
 * The answer is relayed per x-charter-validation.response:
 * - off, or nothing to check: written straight through;
 * - monitor: written straight through while a copy (up to the validation size
 *   cap) is kept and checked after the answer is sent: no added latency; a
 *   violation is logged and counted;
 * - enforce: buffered (up to the cap), checked, then sent, or replaced by a 502
 *   problem listing the violations. Past the cap the answer is streamed
 *   unchecked and counted as `skipped`, so big payloads are never cut off.
 * Compressed bodies are inflated for checking only; the client gets the bytes
 * the upstream sent. Backpressure: a client that reads slowly pauses the
 * upstream connection until it drains.
 *
 * Failures before the answer starts are classified (upstream-errors) and either
 * retried once (idempotent, replayable, within the retry budget) or answered
 * as problems; failures midway cut the client connection, since its status line
 * is already out.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { ValidateFunction } from 'ajv';
import type { ResponseCheck } from '../../policies';
import type { RequestContext } from '../pipeline/request-context';
import type { GatewayRuntime } from '../pipeline/stage';
import { reportViolation, validateBody } from './response-checks';
import type { Upstream } from './upstream';
import { classifyUpstreamError, countsAgainstUpstream, retryable, type UpstreamFailure } from './upstream-errors';
import { clientResponseHeaders } from './upstream-headers';

const SKIP: ResponseCheck = { kind: 'skip' };
/** Shared by exchanges that keep no copy (relay `stream`): never pushed to. */
const NO_CHUNKS: Buffer[] = [];
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

export interface UpstreamFailureAnswer {
  fail(ctx: RequestContext, upstream: Upstream, kind: UpstreamFailure): void;
}

/** Raised into undici when the client leaves; recognised and not counted against the upstream. */
class ClientGoneError extends Error {
  override name = 'AbortError';
}

/**
 * stream: straight through (also once a checked body outgrew the cap); monitor:
 * through, a copy checked later; enforce: held until checked; discard: the
 * answer was already decided at the status line.
 */
type Relay = 'stream' | 'monitor' | 'enforce' | 'discard';

export class ProxyExchange implements Dispatcher.DispatchHandler {
  private controller?: Dispatcher.DispatchController;
  private clientGone = false;
  private attempt = 0;
  /** Set once a final (non-1xx) status arrived: from then on failures are midstream. */
  private relay?: Relay;
  private outHeaders: string[] = [];
  private validate?: ValidateFunction;
  private encoding?: string;
  /** The body kept for checking (monitor, enforce) while under the cap. */
  private chunks = NO_CHUNKS;
  private size = 0;

  constructor(
    private readonly ctx: RequestContext,
    private readonly upstream: Upstream,
    private readonly runtime: GatewayRuntime,
    private readonly options: Dispatcher.DispatchOptions,
    /** The client's body is streamed: it cannot be replayed, so no retry. */
    private readonly streamed: boolean,
    /** Answers a failure before the status line (the proxy's problem responses); shared, not a closure per request. */
    private readonly failures: UpstreamFailureAnswer,
  ) {}

  start(): void {
    this.upstream.pool.dispatch(this.options, this);
  }

  /** The client left: stop the upstream request wherever it is. */
  abort(): void {
    if (this.clientGone) {
      return;
    }
    this.clientGone = true;
    this.controller?.abort(new ClientGoneError('the client closed the connection'));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.clientGone) {
      controller.abort(new ClientGoneError('the client closed the connection'));
    }
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200 || this.clientGone) {
      return; // 1xx: informational, the final answer follows
    }
    const { ctx, upstream, runtime } = this;
    if (statusCode === 502 || statusCode === 503 || statusCode === 504) {
      upstream.breaker.failure(Date.now());
    } else {
      upstream.breaker.success();
    }
    ctx.upstreamStatus = statusCode;
    const op = ctx.op!;
    const hasBody = ctx.req.method !== 'HEAD' && statusCode !== 204 && statusCode !== 304 && headers['content-length'] !== '0';
    const mode = op.policies.plan.validation.response;
    const validator = op.policies.response;
    const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined;
    const check = validator ? validator.check(statusCode, contentType, hasBody) : SKIP;
    if (check.kind === 'violation') {
      reportViolation(ctx, runtime, check.errors, mode === 'enforce');
      if (mode === 'enforce') {
        // Refused at the status line; the body is read and dropped so the connection stays reusable.
        this.relay = 'discard';
        return;
      }
    }
    this.outHeaders = clientResponseHeaders(headers, ctx.answerHeaders, ctx.correlationId);
    if (check.kind === 'body') {
      this.validate = check.validate;
      this.encoding = typeof headers['content-encoding'] === 'string' ? headers['content-encoding'].toLowerCase() : undefined;
      this.chunks = [];
      this.relay = mode === 'enforce' ? 'enforce' : 'monitor';
    } else {
      this.relay = 'stream';
    }
    if (this.relay !== 'enforce') {
      ctx.res.writeHead(statusCode, this.outHeaders);
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.clientGone || this.relay === 'discard') {
      return;
    }
    if (this.relay !== 'stream') {
      this.size += chunk.length;
      if (this.size > this.runtime.limits.maxResponseValidationBytes) {
        this.passCap(controller);
      } else {
        this.chunks.push(chunk);
        if (this.relay === 'enforce') {
          return; // held back until checked
        }
      }
    }
    this.write(controller, chunk);
  }

  onResponseEnd(): void {
    if (this.clientGone || this.relay === 'discard') {
      return;
    }
    const { ctx, runtime, chunks } = this;
    if (this.relay === 'enforce') {
      const buffered = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, this.size);
      const errors = validateBody(this.validate!, buffered, this.encoding, runtime.limits.maxResponseValidationBytes);
      if (errors.length > 0) {
        reportViolation(ctx, runtime, errors, true);
        return;
      }
      if (!this.outHeaders.includes('content-length')) {
        this.outHeaders.push('content-length', String(buffered.length));
      }
      ctx.res.writeHead(ctx.upstreamStatus!, this.outHeaders);
      ctx.res.end(buffered);
      return;
    }
    ctx.res.end();
    if (this.relay === 'monitor') {
      this.checkLater();
    }
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.clientGone || error instanceof ClientGoneError) {
      return;
    }
    const { ctx, upstream, runtime } = this;
    const kind = classifyUpstreamError(error);
    if (this.relay !== undefined) {
      // Midstream: the status line is out (or the answer is decided); the client connection is cut.
      if (this.relay === 'discard') {
        return;
      }
      const midstream = kind === 'timeout' ? 'timeout' : 'reset';
      upstream.breaker.failure(Date.now());
      runtime.metrics.upstreamError(upstream.label, midstream);
      ctx.upstreamError = `${midstream}-midstream`;
      if (this.relay === 'enforce') {
        // Still held back: nothing was sent, so the client gets a problem.
        ctx.reject('BAD_GATEWAY', 'the upstream connection failed while answering');
      } else {
        ctx.res.destroy();
      }
      return;
    }
    const method = this.options.method;
    if (this.attempt === 0 && !this.streamed && IDEMPOTENT.has(method) && retryable(kind) && upstream.budget.tryRetry(Date.now())) {
      this.attempt++;
      this.controller = undefined;
      // Out of undici's error path before dispatching again.
      process.nextTick(() => {
        if (!this.clientGone) {
          this.start();
        }
      });
      return;
    }
    if (countsAgainstUpstream(kind)) {
      upstream.breaker.failure(Date.now());
    }
    this.failures.fail(ctx, upstream, kind);
  }

  private write(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const res = this.ctx.res;
    if (!res.write(chunk) && !controller.paused) {
      controller.pause();
      res.once('drain', () => controller.resume());
    }
  }

  /** The body outgrew the validation cap: send what was held back and stream the rest unchecked. */
  private passCap(controller: Dispatcher.DispatchController): void {
    this.runtime.metrics.validation(this.ctx.op!.label, 'response', 'skipped');
    const held = this.chunks;
    this.chunks = NO_CHUNKS;
    if (this.relay === 'enforce') {
      this.ctx.res.writeHead(this.ctx.upstreamStatus!, this.outHeaders);
      for (const c of held) {
        this.write(controller, c);
      }
    }
    this.relay = 'stream';
  }

  /** Monitor mode: checked after the answer went out, batched with other answers' checks. */
  private checkLater(): void {
    const { ctx, runtime, validate, encoding, size, chunks } = this;
    runtime.deferred.add(() => {
      const errors = validateBody(validate!, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size), encoding, runtime.limits.maxResponseValidationBytes);
      if (errors.length > 0) {
        reportViolation(ctx, runtime, errors, false);
      }
    });
  }
}
