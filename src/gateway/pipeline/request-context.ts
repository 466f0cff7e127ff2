/**
 * Per-request state, one object per request. It captures the route table the
 * request started with; stages fill it in order (route, identity, rate-limit
 * headers, buffered body) and the proxy reads it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANONYMOUS, type BodyMedia, type Identity } from '../../policies';
import { problem, sendProblem, type GatewayProblemCode } from '../problems/gateway-problems';
import type { ApiRoute, RouteOperation, RouteTable } from '../route-table';
import type { RequestTarget } from '../routing/request-target';

/** Stops an upstream exchange when the client leaves before its answer is done. */
export interface UpstreamAbort {
  abort(): void;
}

// Shared until the route stage sets the request's own: no empty Map/object allocated per request.
const NO_QUERY: ReadonlyMap<string, string[]> = new Map();
const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

export class RequestContext {
  readonly start = performance.now();
  correlationId = '';
  target?: RequestTarget;
  query: ReadonlyMap<string, string[]> = NO_QUERY;
  api?: ApiRoute;
  op?: RouteOperation;
  pathParams: Readonly<Record<string, string>> = NO_PARAMS;
  identity: Identity = ANONYMOUS;
  /** Flat [name, value, ...] added to the answer, whoever writes it (proxy, mock, problem). */
  readonly answerHeaders: string[] = [];
  /** The request body when it was buffered (for validation); otherwise the proxy streams `req`. */
  body?: Buffer;
  bodyMedia?: BodyMedia;
  /** What went wrong upstream, for the access log (`connect`, `timeout`, `reset`, ...). */
  upstreamError?: string;
  upstreamStatus?: number;
  /** Set when the answer did not come from the upstream: `mock`, or a rejection slug. */
  outcome?: string;
  /** Set while a request is proxied: fired when the client leaves before the answer is done. */
  upstreamAbort?: UpstreamAbort;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly table: RouteTable,
  ) {}

  /** Answers with a problem; `headers` are extras on top of answerHeaders. */
  reject(code: GatewayProblemCode, detail: string, extras: { errors?: unknown[]; headers?: string[] } = {}): void {
    const p = problem(code);
    this.outcome = p.slug;
    const headers = extras.headers ? [...this.answerHeaders, ...extras.headers] : this.answerHeaders;
    sendProblem(this.res, p, { detail, instance: this.target?.path, correlationId: this.correlationId, errors: extras.errors }, headers);
  }
}
