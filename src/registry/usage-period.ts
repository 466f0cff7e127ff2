/**
 * The `days` query of the usage routes: a whole number of days up to a leap year,
 * turned into the first day (UTC) the totals start from. Shared so every usage
 * view counts the same period for the same `days`.
 */
import { ApiQuery } from '@nestjs/swagger';
import { CharterError } from '../platform/problems/charter.error';

/** The period when `days` is absent. */
export const DEFAULT_DAYS = 30;
/** The longest period: a leap year. */
export const MAX_DAYS = 366;

/** Documents the `days` query of a usage route, with its route's own description. */
export const ApiDaysQuery = (description: string): MethodDecorator =>
  ApiQuery({ name: 'days', required: false, description, schema: { type: 'integer', minimum: 1, maximum: MAX_DAYS, default: DEFAULT_DAYS } });

export function usageSince(days: string, now: number): string {
  const n = Number(days);
  if (!Number.isInteger(n) || n < 1 || n > MAX_DAYS) {
    throw new CharterError('MALFORMED_REQUEST', `days must be an integer between 1 and ${MAX_DAYS}.`);
  }
  return new Date(now - (n - 1) * 86_400_000).toISOString().slice(0, 10);
}
