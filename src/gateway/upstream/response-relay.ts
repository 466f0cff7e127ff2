/**
 * Relays an upstream answer to the client per x-charter-validation.response:
 * - off, or nothing to check: streamed straight through;
 * - monitor: streamed straight through while a copy (up to the validation size
 *   cap) is kept and checked after the answer is sent: no added latency; a
 *   violation is logged and counted;
 * - enforce: buffered (up to the cap), checked, then sent, or replaced by a 502
 *   problem listing the violations. Past the cap the answer is streamed
 *   unchecked and counted as `skipped`, so big payloads are never cut off.
 * Compressed bodies are inflated for checking only; the client gets the bytes
 * the upstream sent.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { ResponseValidator, type ResponseCheck, type ValidationError } from '../../policies';
import type { RequestContext } from '../pipeline/request-context';
import type { GatewayRuntime } from '../pipeline/stage';
import { clientResponseHeaders } from './upstream-headers';

const SKIP: ResponseCheck = { kind: 'skip' };

export function relayResponse(ctx: RequestContext, response: Dispatcher.ResponseData, runtime: GatewayRuntime, onMidstreamError: (kind: string) => void): void {
  const { res } = ctx;
  const op = ctx.op!;
  const { statusCode, headers, body } = response;
  const method = ctx.req.method;
  const hasBody = method !== 'HEAD' && statusCode !== 204 && statusCode !== 304 && headers['content-length'] !== '0';
  const mode = op.policies.plan.validation.response;
  const validator = op.policies.response;
  const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined;
  const check = validator ? validator.check(statusCode, contentType, hasBody) : SKIP;

  if (check.kind === 'violation') {
    if (mode === 'enforce') {
      body.dump().catch(() => undefined);
      reportViolation(ctx, runtime, check.errors, true);
      return;
    }
    reportViolation(ctx, runtime, check.errors, false);
  }
  const outHeaders = clientResponseHeaders(headers, ctx.answerHeaders, ctx.correlationId);
  if (check.kind !== 'body') {
    res.writeHead(statusCode, outHeaders);
    stream(ctx, body, onMidstreamError);
    return;
  }
  const cap = runtime.limits.maxResponseValidationBytes;
  const encoding = typeof headers['content-encoding'] === 'string' ? headers['content-encoding'].toLowerCase() : undefined;
  const validate = check.validate;
  const chunks: Buffer[] = [];
  let size = 0;
  if (mode === 'monitor') {
    res.writeHead(statusCode, outHeaders);
    let over = false;
    body.on('data', (chunk: Buffer) => {
      if (over) {
        return;
      }
      size += chunk.length;
      if (size > cap) {
        over = true;
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    stream(ctx, body, onMidstreamError, () => {
      if (over) {
        runtime.metrics.validation(op.label, 'response', 'skipped');
      } else {
        // Checked after the answer went out: monitor mode must not add latency.
        runtime.deferred.add(() => {
          const errors = validateBody(validate, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size), encoding, cap);
          if (errors.length > 0) {
            reportViolation(ctx, runtime, errors, false);
          }
        });
      }
    });
    return;
  }
  // enforce
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    chunks.push(chunk);
    if (size > cap) {
      body.off('data', onData);
      body.off('end', onEnd);
      body.pause();
      runtime.metrics.validation(op.label, 'response', 'skipped');
      res.writeHead(statusCode, outHeaders);
      for (const c of chunks) {
        res.write(c);
      }
      stream(ctx, body, onMidstreamError);
    }
  };
  const onEnd = (): void => {
    body.off('error', onError);
    const buffered = Buffer.concat(chunks, size);
    const errors = validateBody(validate, buffered, encoding, cap);
    if (errors.length > 0) {
      reportViolation(ctx, runtime, errors, true);
      return;
    }
    if (headers['content-length'] === undefined) {
      outHeaders.push('content-length', String(buffered.length));
    }
    res.writeHead(statusCode, outHeaders);
    res.end(buffered);
  };
  const onError = (): void => {
    onMidstreamError('reset');
    ctx.reject('BAD_GATEWAY', 'the upstream connection failed while answering');
  };
  body.on('data', onData);
  body.once('end', onEnd);
  body.once('error', onError);
}

/**
 * body.pipe(res) with the error handling pipeline() would add, but without
 * pipeline() itself: it allocates an AbortController per call and aborts it (a
 * DOMException) at the end, a measurable share of a proxied request's CPU.
 */
function stream(ctx: RequestContext, body: Dispatcher.ResponseData['body'], onMidstreamError: (kind: string) => void, onDone?: () => void): void {
  const { res } = ctx;
  let ended = false;
  // `on` for events emitted at most once: once() would allocate a wrapper per listener per request.
  body.on('end', () => {
    ended = true;
    onDone?.();
  });
  body.once('error', (error: Error) => {
    onMidstreamError((error as { code?: string }).code === 'UND_ERR_BODY_TIMEOUT' ? 'timeout' : 'reset');
    res.destroy();
  });
  res.on('close', () => {
    if (!ended) {
      body.destroy();
    }
  });
  body.pipe(res);
}

function validateBody(validate: NonNullable<Extract<ResponseCheck, { kind: 'body' }>['validate']>, raw: Buffer, encoding: string | undefined, cap: number): ValidationError[] {
  let text: string;
  try {
    const inflated =
      encoding === 'gzip' || encoding === 'x-gzip'
        ? gunzipSync(raw, { maxOutputLength: cap })
        : encoding === 'deflate'
          ? inflateSync(raw, { maxOutputLength: cap })
          : encoding === 'br'
            ? brotliDecompressSync(raw, { maxOutputLength: cap })
            : raw;
    text = inflated.toString('utf8');
  } catch {
    return [{ in: 'response', pointer: '', message: `body cannot be decoded (${encoding ?? 'identity'})`, keyword: 'encoding' }];
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [{ in: 'response', pointer: '', message: 'body is not valid JSON', keyword: 'json' }];
  }
  return validate(value) ? [] : ResponseValidator.bodyErrors(validate);
}

function reportViolation(ctx: RequestContext, runtime: GatewayRuntime, errors: ValidationError[], enforce: boolean): void {
  const op = ctx.op!;
  runtime.metrics.validation(op.label, 'response', 'failed');
  runtime.logger.warn(
    { correlationId: ctx.correlationId, route: op.label, status: ctx.upstreamStatus, errors, mode: enforce ? 'enforce' : 'monitor' },
    'upstream response violates the contract',
  );
  if (enforce) {
    ctx.reject('RESPONSE_VALIDATION_FAILED', 'the upstream answer does not match the contract', { errors });
  }
}
