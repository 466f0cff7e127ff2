/**
 * Per-upstream circuit breaker. Closed: requests flow; after `threshold`
 * consecutive failures (connect errors, timeouts, 502/503/504) it opens and the
 * gateway answers 503 at once, without touching the upstream, for `openMs`. Then
 * half-open: exactly one probe request goes through; success closes the circuit,
 * failure opens it again. Time comes from the caller so this stays testable.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  state: CircuitState = 'closed';

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
  ) {}

  /** May a request go upstream now? Answers false while open (and while a probe is out). */
  allow(now: number): boolean {
    if (this.state === 'closed') {
      return true;
    }
    if (this.state === 'open') {
      if (now - this.openedAt < this.openMs) {
        return false;
      }
      this.state = 'half-open';
      this.probing = false;
    }
    if (this.probing) {
      return false;
    }
    this.probing = true;
    return true;
  }

  /** Milliseconds until a probe may go, for Retry-After. */
  retryAfterMs(now: number): number {
    return this.state === 'open' ? Math.max(0, this.openMs - (now - this.openedAt)) : this.openMs;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
    this.state = 'closed';
  }

  failure(now: number): void {
    this.failures++;
    this.probing = false;
    if (this.state === 'half-open' || this.failures >= this.threshold) {
      this.state = 'open';
      this.openedAt = now;
    }
  }
}
