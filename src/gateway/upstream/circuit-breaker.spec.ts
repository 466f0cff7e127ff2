import { CircuitBreaker } from './circuit-breaker';
import { RetryBudget } from './retry-budget';

describe('CircuitBreaker', () => {
  it('opens after consecutive failures, lets one probe through after the open period, closes on success', () => {
    const breaker = new CircuitBreaker(3, 1000);
    breaker.failure(0);
    breaker.failure(1);
    expect(breaker.allow(2)).toBe(true);
    breaker.failure(2);
    expect(breaker.state).toBe('open');
    expect(breaker.allow(500)).toBe(false);
    expect(breaker.retryAfterMs(500)).toBe(502);
    expect(breaker.allow(1003)).toBe(true);
    expect(breaker.state).toBe('half-open');
    expect(breaker.allow(1004)).toBe(false);
    breaker.success();
    expect(breaker.state).toBe('closed');
    expect(breaker.allow(1005)).toBe(true);
  });

  it('reopens when the probe fails, and a success resets the count', () => {
    const breaker = new CircuitBreaker(2, 100);
    breaker.failure(0);
    breaker.success();
    breaker.failure(1);
    expect(breaker.state).toBe('closed');
    breaker.failure(2);
    expect(breaker.allow(150)).toBe(true);
    breaker.failure(150);
    expect(breaker.state).toBe('open');
    expect(breaker.allow(200)).toBe(false);
  });
});

describe('RetryBudget', () => {
  it('allows a floor per second plus a ratio of requests, then refuses', () => {
    const budget = new RetryBudget(0.1, 2);
    for (let i = 0; i < 10; i++) {
      budget.recordRequest(0);
    }
    const granted = Array.from({ length: 5 }, () => budget.tryRetry(10));
    expect(granted).toEqual([true, true, true, false, false]);
    expect(budget.tryRetry(1500)).toBe(true);
  });
});
