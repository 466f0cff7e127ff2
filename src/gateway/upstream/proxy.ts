/**
 * Forwards a routed, authorized, validated request to its upstream over the
 * upstream's undici keep-alive pool and relays the answer (see response-relay).
 * - Circuit open: 503 at once with Retry-After, the upstream is not touched.
 * - Bodies: the buffered (validated) bytes, else the client's stream, capped by a
 *   byte-limit stream when the client sends no Content-Length.
 * - Retries: one, only for idempotent methods with a replayable body, only for
 *   failures where the request cannot have been processed twice harmfully, and
 *   only within the upstream's retry budget.
 * - The client going away aborts the upstream request.
 */
import type { IncomingMessage } from 'node:http';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import type { Dispatcher } from 'undici';
import { hasRequestBody } from '../pipeline/body-reader';
import { UpstreamAbort, type RequestContext } from '../pipeline/request-context';
import { DONE, type GatewayRuntime } from '../pipeline/stage';
import type { Upstream } from './upstream';
import { BodyTooLargeError, classifyUpstreamError, countsAgainstUpstream, retryable, type UpstreamFailure } from './upstream-errors';
import { upstreamRequestHeaders } from './upstream-headers';
import { relayResponse } from './response-relay';

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

class ByteLimit extends Transform {
  private seen = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) {
      callback(new BodyTooLargeError());
    } else {
      callback(null, chunk);
    }
  }
}

/** The path after `/{domain}/{api}/v{major}`, as the client sent it (already checked). */
export function operationPath(rawPath: string): string {
  let index = 0;
  for (let n = 0; n < 3; n++) {
    index = rawPath.indexOf('/', index + 1);
    if (index < 0) {
      return '/';
    }
  }
  return rawPath.slice(index);
}

function forwardedQuery(query: string, strip: readonly string[]): string {
  if (strip.length === 0 || query === '') {
    return query;
  }
  return query
    .split('&')
    .filter((pair) => {
      const name = pair.split('=', 1)[0];
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // undecodable names are kept as they are; they cannot be an API key name
      }
      return !strip.includes(decoded);
    })
    .join('&');
}

export class UpstreamProxy {
  constructor(private readonly runtime: GatewayRuntime) {}

  /** Settles with DONE (the answer is written or being relayed), so the dispatch stage returns it as is. */
  async forward(ctx: RequestContext, upstream: Upstream): Promise<typeof DONE> {
    const { req } = ctx;
    const op = ctx.op!;
    const now = Date.now();
    if (!upstream.breaker.allow(now)) {
      ctx.upstreamError = 'circuit-open';
      this.runtime.metrics.upstreamError(upstream.label, 'circuit-open');
      const retryAfter = String(Math.max(1, Math.ceil(upstream.breaker.retryAfterMs(now) / 1000)));
      ctx.reject('SERVICE_UNAVAILABLE', 'the upstream is failing; its circuit is open', { headers: ['retry-after', retryAfter] });
      return DONE;
    }
    upstream.budget.recordRequest(now);
    const method = req.method ?? 'GET';
    const query = forwardedQuery(ctx.target!.query, op.apiKeyQuery);
    const path = upstream.basePath + operationPath(ctx.target!.path) + (query === '' ? '' : `?${query}`);
    const headers = upstreamRequestHeaders(req, {
      correlationId: ctx.correlationId,
      identity: ctx.identity,
      operationId: op.id,
      apiLabel: ctx.api!.forwardLabel,
      strip: op.apiKeyHeaders,
      bodyLength: ctx.body?.length,
      trustProxy: this.runtime.limits.trustProxy,
    });
    const streamed = ctx.body === undefined && hasRequestBody(req);
    const abort = (ctx.upstreamAbort = new UpstreamAbort());

    for (let attempt = 0; ; attempt++) {
      const body = ctx.body ?? (streamed ? this.requestStream(req) : undefined);
      let response: Dispatcher.ResponseData;
      try {
        response = await upstream.pool.request({ method: method, path, headers, body, signal: abort });
      } catch (error) {
        const kind = classifyUpstreamError(error);
        if (kind === 'aborted') {
          return DONE;
        }
        if (attempt === 0 && !streamed && IDEMPOTENT.has(method) && retryable(kind) && upstream.budget.tryRetry(Date.now())) {
          continue;
        }
        this.fail(ctx, upstream, kind);
        return DONE;
      }
      const status = response.statusCode;
      if (status === 502 || status === 503 || status === 504) {
        upstream.breaker.failure(Date.now());
      } else {
        upstream.breaker.success();
      }
      ctx.upstreamStatus = status;
      relayResponse(ctx, response, this.runtime, (kind) => {
        if (abort.aborted) {
          return; // the client left: not the upstream's fault
        }
        upstream.breaker.failure(Date.now());
        this.runtime.metrics.upstreamError(upstream.label, kind);
        ctx.upstreamError = `${kind}-midstream`;
      });
      return DONE;
    }
  }

  private requestStream(req: IncomingMessage): Readable {
    if (req.headers['content-length'] !== undefined) {
      return req;
    }
    // No declared length: count bytes ourselves so a chunked upload cannot pass the limit.
    return pipeline(req, new ByteLimit(this.runtime.limits.maxBodyBytes), () => undefined);
  }

  private fail(ctx: RequestContext, upstream: Upstream, kind: UpstreamFailure): void {
    ctx.upstreamError = kind;
    if (kind === 'too-large') {
      ctx.reject('PAYLOAD_TOO_LARGE', `request body exceeds ${this.runtime.limits.maxBodyBytes} bytes`, { headers: ['connection', 'close'] });
      return;
    }
    if (kind === 'client-body') {
      ctx.reject('MALFORMED_REQUEST', 'request body length does not match Content-Length');
      return;
    }
    if (countsAgainstUpstream(kind)) {
      upstream.breaker.failure(Date.now());
    }
    this.runtime.metrics.upstreamError(upstream.label, kind);
    if (kind === 'timeout') {
      ctx.reject('GATEWAY_TIMEOUT', 'the upstream did not answer in time');
    } else {
      ctx.reject('BAD_GATEWAY', kind === 'connect' ? 'the upstream cannot be reached' : 'the upstream connection failed');
    }
  }
}
