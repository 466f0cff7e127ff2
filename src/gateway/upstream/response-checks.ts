/**
 * Checks of an upstream answer against the operation's contract, shared by the
 * relay modes of ProxyExchange: decoding (gzip, deflate, br, capped), JSON
 * parsing and the compiled validator; violations are logged and counted, and
 * refused with a 502 problem in enforce mode.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { ValidateFunction } from 'ajv';
import { ResponseValidator, type ValidationError } from '../../policies';
import type { RequestContext } from '../pipeline/request-context';
import type { GatewayRuntime } from '../pipeline/stage';

export function validateBody(validate: ValidateFunction, raw: Buffer, encoding: string | undefined, cap: number): ValidationError[] {
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

export function reportViolation(ctx: RequestContext, runtime: GatewayRuntime, errors: ValidationError[], enforce: boolean): void {
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
