/**
 * Every migration, in order. The DataSource takes classes rather than a glob so
 * the same list works from ts-jest, ts sources and the compiled dist/.
 * Never edit a merged migration: add a new one.
 */
import { CreateRegistry1763800000000 } from './1763800000000-CreateRegistry';
import { CreateConsumers1763800100000 } from './1763800100000-CreateConsumers';
import { CreateIdempotencyKeys1763800200000 } from './1763800200000-CreateIdempotencyKeys';

export const MIGRATIONS = [CreateRegistry1763800000000, CreateConsumers1763800100000, CreateIdempotencyKeys1763800200000];
