/**
 * Reads `x-charter-rate-limit: { limit, window, by }`. A malformed value is an
 * error, never a silent "no limit": a typo must not open an API to unlimited use.
 */
import type { Issue } from '../report/issue';
import { fail, ok, type Result } from '../result';
import type { RateLimitBy, RateLimitPlan } from './policy-plan';
import { isObject } from './ref-resolver';

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
const BY: readonly RateLimitBy[] = ['consumer', 'ip', 'global'];
const MAX_WINDOW_SECONDS = 7 * 86400;

/** `60s`, `1m`, `500ms`, `2h`, `1d`, or a number of seconds. */
export function parseWindow(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value > 0 ? value : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  if (!match) {
    return undefined;
  }
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] ?? 's'];
  return seconds > 0 ? seconds : undefined;
}

export function compileRateLimit(value: unknown, pointer: string, scope: RateLimitPlan['scope']): Result<RateLimitPlan> {
  const issue = (message: string): Issue => ({ code: 'INVALID_POLICY', message, source: { pointer } });
  if (!isObject(value)) {
    return fail(issue('x-charter-rate-limit must be an object { limit, window, by }'));
  }
  const { limit, window, by = 'consumer' } = value;
  const errors: Issue[] = [];
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    errors.push(issue('x-charter-rate-limit.limit must be a positive integer'));
  }
  const windowSeconds = parseWindow(window);
  if (windowSeconds === undefined || windowSeconds > MAX_WINDOW_SECONDS) {
    errors.push(issue('x-charter-rate-limit.window must be a duration such as 60s, 1m or 1h (at most 7d)'));
  }
  if (typeof by !== 'string' || !BY.includes(by as RateLimitBy)) {
    errors.push(issue(`x-charter-rate-limit.by must be one of ${BY.join(', ')}`));
  }
  if (errors.length > 0) {
    return fail(...errors);
  }
  // rate-limiter-flexible counts whole seconds; sub-second windows round up to 1 s.
  return ok({ limit: limit as number, windowSeconds: Math.max(1, Math.ceil(windowSeconds as number)), by: by as RateLimitBy, scope });
}
