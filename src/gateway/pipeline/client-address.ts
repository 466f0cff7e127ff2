/**
 * The client IP that `by: ip` rate limits count. Behind one trusted proxy
 * (trustProxy) it is the last X-Forwarded-For entry, the address that proxy saw
 * itself; earlier entries are whatever the client claimed and are never used.
 * Otherwise, or when that entry is not an IP, it is the socket's peer.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  if (typeof forwarded !== 'string') {
    return peer;
  }
  // Node joins repeated X-Forwarded-For headers with ", ": the last entry is still the proxy's.
  const last = forwarded.slice(forwarded.lastIndexOf(',') + 1).trim();
  return isIP(last) ? last : peer;
}
