/**
 * The gateway's rejections: RFC 9457 problem+json from the platform catalogue.
 * Each kind's constant JSON head (type, title, status, code) is serialized once at
 * module load; per request only detail, instance, correlation id and `errors` are
 * appended, so a rejection costs one small JSON.stringify.
 */
import type { ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, PROBLEMS, type ProblemCode, type ProblemKind } from '../../platform/problems/problem-catalogue';

export type GatewayProblemCode = ProblemCode;

const KINDS: Record<GatewayProblemCode, ProblemKind> = PROBLEMS;

export interface PreparedProblem {
  code: GatewayProblemCode;
  status: number;
  slug: string;
  /** `{"type":...,"title":...,"status":...,"code":...` without the closing brace. */
  head: string;
}

const prepared = new Map<GatewayProblemCode, PreparedProblem>();
for (const [code, kind] of Object.entries(KINDS) as Array<[GatewayProblemCode, ProblemKind]>) {
  const head = JSON.stringify({ type: PROBLEM_TYPE_BASE + kind.slug, title: kind.title, status: kind.status, code }).slice(0, -1);
  prepared.set(code, { code, status: kind.status, slug: kind.slug, head });
}

export function problem(code: GatewayProblemCode): PreparedProblem {
  return prepared.get(code) as PreparedProblem;
}

export interface ProblemDetails {
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors?: unknown[];
}

export function problemJson(p: PreparedProblem, details: ProblemDetails): string {
  let body = p.head;
  if (details.detail !== undefined) {
    body += `,"detail":${JSON.stringify(details.detail)}`;
  }
  if (details.instance !== undefined) {
    body += `,"instance":${JSON.stringify(details.instance)}`;
  }
  if (details.correlationId !== undefined) {
    body += `,"correlationId":${JSON.stringify(details.correlationId)}`;
  }
  if (details.errors !== undefined) {
    body += `,"errors":${JSON.stringify(details.errors)}`;
  }
  return body + '}';
}

/**
 * Writes a problem answer. `headers` is a flat [name, value, ...] list of extras
 * (WWW-Authenticate, Retry-After, Allow, RateLimit, ...).
 */
export function sendProblem(res: ServerResponse, p: PreparedProblem, details: ProblemDetails, headers: readonly string[] = []): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = problemJson(p, details);
  const list = ['content-type', PROBLEM_CONTENT_TYPE, 'content-length', String(Buffer.byteLength(body)), 'cache-control', 'no-store'];
  if (details.correlationId !== undefined) {
    list.push('x-correlation-id', details.correlationId);
  }
  for (const h of headers) {
    list.push(h);
  }
  res.writeHead(p.status, list);
  res.end(body);
}

/**
 * A complete raw HTTP/1.1 answer for errors the HTTP parser raises before any
 * request object exists (oversized or malformed headers): written to the socket.
 */
export function rawProblemResponse(p: PreparedProblem, detail: string): string {
  const body = problemJson(p, { detail });
  const reason = p.status === 431 ? 'Request Header Fields Too Large' : p.status === 408 ? 'Request Timeout' : 'Bad Request';
  return (
    `HTTP/1.1 ${p.status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`
  );
}
