/**
 * The `days` query of the usage routes: a whole number of days up to a leap year,
 * turned into the first day (UTC) the totals start from. Shared so every usage
 * view counts the same period for the same `days`.
 */
import { CharterError } from '../platform/problems/charter.error';

export function usageSince(days: string, now: number): string {
  const n = Number(days);
  if (!Number.isInteger(n) || n < 1 || n > 366) {
    throw new CharterError('MALFORMED_REQUEST', 'days must be an integer between 1 and 366.');
  }
  return new Date(now - (n - 1) * 86_400_000).toISOString().slice(0, 10);
}
