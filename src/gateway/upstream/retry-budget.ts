/**
 * Retries are capped by a budget so they cannot multiply load on an upstream that
 * is already failing: at most `ratio` retries per request seen, plus a small
 * floor per second so a quiet gateway can still retry. Counts decay per second.
 */
export class RetryBudget {
  private windowStart = 0;
  private requests = 0;
  private retries = 0;

  constructor(
    private readonly ratio: number,
    private readonly minPerSecond: number,
  ) {}

  recordRequest(now: number): void {
    this.roll(now);
    this.requests++;
  }

  tryRetry(now: number): boolean {
    this.roll(now);
    if (this.retries >= this.minPerSecond + this.requests * this.ratio) {
      return false;
    }
    this.retries++;
    return true;
  }

  private roll(now: number): void {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.requests = 0;
      this.retries = 0;
    }
  }
}
