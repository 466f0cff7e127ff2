/**
 * Header rewriting between client and upstream.
 * Request: hop-by-hop headers (RFC 9110 7.6.1, plus any named in Connection),
 * Host, Expect and the API keys the gateway consumed are not forwarded; client
 * copies of the gateway's trusted headers (`x-charter-*`) are dropped, so the
 * upstream can trust them; X-Forwarded-For/Proto/Host are set (appended to only
 * when the gateway sits behind a trusted proxy).
 * Response: hop-by-hop headers are dropped; everything else is relayed.
 */
import type { IncomingMessage } from 'node:http';
import type { Identity } from '../../policies';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
// Never forwarded: recomputed by us or by undici (host, length of a re-sent body), or refused by undici (expect).
const REQUEST_OWN = new Set(['host', 'expect', 'content-length', 'x-correlation-id', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded']);

export const TRUSTED_PREFIX = 'x-charter-';
export const IDENTITY_HEADERS = {
  method: 'x-charter-auth-method',
  consumerId: 'x-charter-consumer-id',
  consumerName: 'x-charter-consumer-name',
  subject: 'x-charter-subject',
  scopes: 'x-charter-scopes',
  operation: 'x-charter-operation',
  api: 'x-charter-api',
} as const;

export interface ForwardOptions {
  correlationId: string;
  identity: Identity;
  operationId: string;
  apiLabel: string;
  /** Names (lower-case) of API key headers consumed by the gateway. */
  strip: readonly string[];
  /** Length of a buffered body to send instead of the client's stream. */
  bodyLength?: number;
  trustProxy: boolean;
}

function connectionListed(req: IncomingMessage): Set<string> | undefined {
  const value = req.headers.connection;
  if (!value) {
    return undefined;
  }
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== 'close' && s !== 'keep-alive');
  return names.length > 0 ? new Set(names) : undefined;
}

/** Flat [name, value, ...] for undici. */
export function upstreamRequestHeaders(req: IncomingMessage, o: ForwardOptions): string[] {
  const out: string[] = [];
  const raw = req.rawHeaders;
  const listed = connectionListed(req);
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (HOP_BY_HOP.has(name) || REQUEST_OWN.has(name) || name.startsWith(TRUSTED_PREFIX)) {
      continue;
    }
    if (listed?.has(name) || o.strip.includes(name)) {
      continue;
    }
    out.push(name, raw[i + 1]);
  }
  if (o.bodyLength !== undefined) {
    out.push('content-length', String(o.bodyLength));
  } else if (req.headers['content-length'] !== undefined) {
    out.push('content-length', req.headers['content-length']);
  }
  const ip = req.socket.remoteAddress ?? '';
  const priorFor = o.trustProxy ? req.headers['x-forwarded-for'] : undefined;
  out.push('x-forwarded-for', priorFor ? `${String(priorFor)}, ${ip}` : ip);
  const proto = o.trustProxy && typeof req.headers['x-forwarded-proto'] === 'string' ? req.headers['x-forwarded-proto'] : 'http';
  out.push('x-forwarded-proto', proto);
  const host = o.trustProxy && typeof req.headers['x-forwarded-host'] === 'string' ? req.headers['x-forwarded-host'] : req.headers.host;
  if (host) {
    out.push('x-forwarded-host', host);
  }
  out.push('x-correlation-id', o.correlationId, IDENTITY_HEADERS.operation, o.operationId, IDENTITY_HEADERS.api, o.apiLabel);
  const id = o.identity;
  // Built once per identity object: those of remembered tokens and keys are shared.
  const identityHeaders = (id.forwardHeaders ??= identityHeadersOf(id));
  for (let i = 0; i < identityHeaders.length; i++) {
    out.push(identityHeaders[i]);
  }
  return out;
}

function identityHeadersOf(id: Identity): string[] {
  const out: string[] = [IDENTITY_HEADERS.method, id.method];
  if (id.consumerId !== undefined) {
    out.push(IDENTITY_HEADERS.consumerId, headerSafe(id.consumerId));
  }
  if (id.consumerName !== undefined) {
    out.push(IDENTITY_HEADERS.consumerName, headerSafe(id.consumerName));
  }
  if (id.subject !== undefined) {
    out.push(IDENTITY_HEADERS.subject, headerSafe(id.subject));
  }
  if (id.scopes.length > 0) {
    out.push(IDENTITY_HEADERS.scopes, headerSafe(id.scopes.join(' ')));
  }
  return out;
}

/** Claims come from signed tokens but are still client-chosen text: keep them to visible ASCII. */
function headerSafe(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : encodeURIComponent(value);
}

/** Flat [name, value, ...] for the client, from undici's response headers. */
export function clientResponseHeaders(headers: Record<string, string | string[] | undefined>, extra: readonly string[], correlationId: string): string[] {
  const out: string[] = [];
  let listed: Set<string> | undefined;
  const connection = headers.connection;
  if (typeof connection === 'string') {
    listed = new Set(connection.split(',').map((s) => s.trim().toLowerCase()));
  }
  for (const name in headers) {
    if (HOP_BY_HOP.has(name) || listed?.has(name) || name === 'x-correlation-id') {
      continue;
    }
    const value = headers[name];
    if (value === undefined) {
      continue;
    }
    if (Array.isArray(value)) {
      for (const v of value) {
        out.push(name, v);
      }
    } else {
      out.push(name, value);
    }
  }
  out.push('x-correlation-id', correlationId);
  for (const h of extra) {
    out.push(h);
  }
  return out;
}
