import { DEFAULT_LIMITS, type DocumentLimits } from './types';

/** Fill a caller's partial limits from the defaults; non-positive or NaN values fall back too. */
export function resolveLimits(limits?: Partial<DocumentLimits>): DocumentLimits {
  const pick = (value: number | undefined, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
  return {
    maxBytes: pick(limits?.maxBytes, DEFAULT_LIMITS.maxBytes),
    maxAliases: pick(limits?.maxAliases, DEFAULT_LIMITS.maxAliases),
    maxDepth: pick(limits?.maxDepth, DEFAULT_LIMITS.maxDepth),
  };
}
