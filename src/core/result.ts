/**
 * Bad user input is a returned value, never a throw: every core entry point that
 * reads a document answers `{ ok: true, value }` or `{ ok: false, errors }`.
 * Throwing is reserved for bugs.
 */
import type { Issue } from './report/issue';

export type Result<T> = { ok: true; value: T } | { ok: false; errors: Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: Issue[]): Result<T> => ({ ok: false, errors });
