/**
 * Idempotency-Key on the registry's creating routes, as Stripe does it: the first
 * request with a key runs and, when it succeeds, its status and JSON body are kept
 * for 24 hours under (principal subject, method, path, key); a retry with the same
 * key and the same request gets that answer again, marked `Idempotent-Replayed: true`,
 * and runs nothing. The same key with another body or query is a 422, a retry while
 * the first is still running a 409. Failures are not kept, so a retry can succeed.
 *
 * An interceptor rather than calls in each service: guards (auth) have run, pipes
 * (DTO validation) have not, so a request the DTO refuses is a failure that is not
 * kept, and the services stay unaware of HTTP retries.
 */
import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { lastValueFrom, type Observable, of } from 'rxjs';
import type { Principal } from '../platform/auth/principal';
import { CharterError } from '../platform/problems/charter.error';
import type { ProblemCode } from '../platform/problems/problem-catalogue';
import { type IdempotencyRecord, IdempotencyRepository } from './idempotency.repository';

const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
/**
 * 1 to 255 visible ASCII characters (Stripe's limit); a UUID is the usual choice.
 * The source is what the contract documents, the RegExp what the header is checked with.
 */
const KEY_PATTERN_SOURCE = '^[!-~]{1,255}$';
const KEY_PATTERN = new RegExp(KEY_PATTERN_SOURCE);
/**
 * How long a successful answer is replayed. An issued API key's answer holds the
 * key in plaintext, and it is kept here, and only here, for this long: the trade-off
 * Stripe makes. Refusing to keep it (a 409 on retry) would leave a client whose
 * connection dropped with a key it never saw, the very duplicate this header exists
 * to prevent; the table is reachable only by the database's operators, who can
 * issue keys anyway.
 */
const REPLAY_SECONDS = 24 * 60 * 60;
/**
 * How long an in-flight row holds its key. Past it the row is purged like an
 * expired one, so a request whose process died does not lock its key for a day;
 * long enough that no live publish outlasts it.
 */
const IN_FLIGHT_SECONDS = 5 * 60;

/** The problems the header adds to a route; list them in its @ApiProblems. */
export const IDEMPOTENCY_PROBLEMS: ProblemCode[] = ['INVALID_IDEMPOTENCY_KEY', 'IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REUSED'];

/** Honours (and documents) the Idempotency-Key header on a creating route. */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retry safe: a request repeated with the same key (same caller, route, body and query) within 24 hours ' +
        'gets the first answer again, with `Idempotent-Replayed: true`, and creates nothing. Failed requests are not kept.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: KEY_PATTERN_SOURCE },
    }),
  );
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyRepository) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user: Principal }>();
    const reply = http.getResponse<FastifyReply>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (key === undefined) {
      return next.handle();
    }
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new CharterError('INVALID_IDEMPOTENCY_KEY', 'The Idempotency-Key header must be 1 to 255 visible ASCII characters, sent once.');
    }
    const [path, query = ''] = splitUrl(request.url);
    const scope = idempotencyScope(request.user.subject, request.method, path, key);
    const requestDigest = requestFingerprint(query, request.body);

    const stored = await this.claimOrFind(scope, requestDigest);
    if (stored) {
      if (stored.requestDigest !== requestDigest) {
        throw new CharterError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request on this route; use a new key.');
      }
      if (stored.responseStatus === null || stored.responseBody === null) {
        throw new CharterError('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still in progress; retry when it has finished.');
      }
      void reply.status(stored.responseStatus).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return of(JSON.parse(stored.responseBody) as unknown);
    }

    let body: unknown;
    try {
      body = await lastValueFrom(next.handle());
    } catch (err) {
      await this.store.release(scope);
      throw err;
    }
    // Errors are thrown, so this is a success (201, or 200 for a document already
    // published). Should this update fail, the row stays in flight until its lease ends.
    await this.store.complete(scope, reply.statusCode, JSON.stringify(body ?? null), REPLAY_SECONDS);
    return of(body);
  }

  /** Undefined when this request claimed the key; otherwise the live row that holds it. */
  private async claimOrFind(scope: string, requestDigest: string): Promise<IdempotencyRecord | undefined> {
    // A row may expire or be released between the failed insert and the read: try again.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.store.claim(scope, requestDigest, IN_FLIGHT_SECONDS)) {
        return undefined;
      }
      const row = await this.store.find(scope);
      if (row) {
        return row;
      }
    }
    throw new CharterError('IDEMPOTENCY_KEY_IN_USE', 'Requests with this Idempotency-Key keep racing; retry shortly.');
  }
}

/** What a key is unique within: one caller's requests to one method and path. */
export const idempotencyScope = (subject: string, method: string, path: string, key: string): string => digest(subject, method, path, key);

/** What a retry must repeat: the query string and the body (raw bytes, or the parsed JSON). */
export const requestFingerprint = (query: string, body: unknown): string => digest(query, body);

function splitUrl(url: string): [string, string | undefined] {
  const at = url.indexOf('?');
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

/** sha256 over the parts, each length-prefixed so that no two lists collide. */
function digest(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = Buffer.isBuffer(part) ? part : Buffer.from(typeof part === 'string' ? part : (JSON.stringify(part) ?? ''), 'utf8');
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}
