/**
 * Cursor pagination for every list route: `limit` (1..200) and an opaque `cursor`
 * that the previous page returned as `nextCursor`.
 */
import { CharterError } from '../platform/problems/charter.error';

export interface PageRequest {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function pageRequest(limit?: string | number, cursor?: string): PageRequest {
  const n = limit === undefined || limit === '' ? DEFAULT_LIMIT : Number(limit);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new CharterError('MALFORMED_REQUEST', `limit must be an integer between 1 and ${MAX_LIMIT}.`);
  }
  if (!cursor) {
    return { limit: n, offset: 0 };
  }
  const decoded = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!decoded) {
    throw new CharterError('MALFORMED_REQUEST', 'cursor is not one this API returned.');
  }
  return { limit: n, offset: Number(decoded[1]) };
}

export function toPage<T>(items: T[], total: number, req: PageRequest): Page<T> {
  const next = req.offset + items.length;
  return {
    items,
    total,
    nextCursor: next < total ? Buffer.from(`o:${next}`).toString('base64url') : null,
  };
}
