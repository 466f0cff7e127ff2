/**
 * Forwards a routed, authorized, validated request to its upstream over the
 * upstream's undici keep-alive pool; a ProxyExchange relays the answer.
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
import { hasRequestBody } from '../pipeline/body-reader';
import { decodeQueryComponent } from '../routing/request-target';
import type { RequestContext } from '../pipeline/request-context';
import { DONE, type GatewayRuntime } from '../pipeline/stage';
import type { Upstream } from './upstream';
import { ProxyExchange, type UpstreamFailureAnswer } from './proxy-exchange';
import { BodyTooLargeError, type UpstreamFailure } from './upstream-errors';
import { upstreamRequestHeaders } from './upstream-headers';

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
        decoded = decodeQueryComponent(name);
      } catch {
        // undecodable names are kept as they are; they cannot be an API key name
      }
      return !strip.includes(decoded);
    })
    .join('&');
}

export class UpstreamProxy implements UpstreamFailureAnswer {
  constructor(private readonly runtime: GatewayRuntime) {}

  /**
   * Starts the exchange and answers DONE at once: the answer is written by the
   * ProxyExchange as undici delivers it, so the pipeline holds no promise for it.
   */
  forward(ctx: RequestContext, upstream: Upstream): typeof DONE {
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
    const query = forwardedQuery(ctx.target!.query, op.apiKeyQuery);
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
    const exchange = new ProxyExchange(
      ctx,
      upstream,
      this.runtime,
      {
        method: req.method ?? 'GET',
        path: upstream.basePath + operationPath(ctx.target!.path) + (query === '' ? '' : `?${query}`),
        headers,
        body: ctx.body ?? (streamed ? this.requestStream(req) : undefined),
      },
      streamed,
      this,
    );
    ctx.upstreamAbort = exchange;
    exchange.start();
    return DONE;
  }

  private requestStream(req: IncomingMessage): Readable {
    if (req.headers['content-length'] !== undefined) {
      return req;
    }
    // No declared length: count bytes ourselves so a chunked upload cannot pass the limit.
    return pipeline(req, new ByteLimit(this.runtime.limits.maxBodyBytes), () => undefined);
  }

  /** A failure before the answer started, after any retry: the client gets a problem. */
  fail(ctx: RequestContext, upstream: Upstream, kind: UpstreamFailure): void {
    ctx.upstreamError = kind;
    if (kind === 'too-large') {
      ctx.reject('PAYLOAD_TOO_LARGE', `request body exceeds ${this.runtime.limits.maxBodyBytes} bytes`, { headers: ['connection', 'close'] });
      return;
    }
    if (kind === 'client-body') {
      ctx.reject('MALFORMED_REQUEST', 'request body length does not match Content-Length');
      return;
    }
    this.runtime.metrics.upstreamError(upstream.label, kind);
    if (kind === 'timeout') {
      ctx.reject('GATEWAY_TIMEOUT', 'the upstream did not answer in time');
    } else {
      ctx.reject('BAD_GATEWAY', kind === 'connect' ? 'the upstream cannot be reached' : 'the upstream connection failed');
    }
  }
}
