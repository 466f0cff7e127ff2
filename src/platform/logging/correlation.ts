/**
 * The correlation id of the current request, kept in async context so every log
 * line and every problem body can carry it without threading it through calls.
 * A client's x-correlation-id is reused when it is a sane token; anything else
 * (too long, control characters) is replaced, so logs cannot be forged through it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';
export const SAFE_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

interface CorrelationContext {
  correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export function acceptCorrelationId(candidate: unknown): string {
  return typeof candidate === 'string' && SAFE_ID.test(candidate) ? candidate : randomUUID();
}

/** Binds the id to the rest of the current async execution (a request's hooks and handler). */
export function enterCorrelation(correlationId: string): void {
  storage.enterWith({ correlationId });
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
