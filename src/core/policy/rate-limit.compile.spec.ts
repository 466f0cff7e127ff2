import { compileRateLimit, parseWindow } from './rate-limit.compile';

describe('parseWindow', () => {
  it.each([
    ['60s', 60],
    ['1m', 60],
    ['2h', 7200],
    ['1d', 86400],
    ['500ms', 0.5],
    [30, 30],
  ])('reads %p as %p seconds', (input, seconds) => {
    expect(parseWindow(input)).toBe(seconds);
  });

  it.each(['', 'soon', '-1s', '0s', 'm', null])('refuses %p', (input) => {
    expect(parseWindow(input)).toBeUndefined();
  });
});

describe('compileRateLimit', () => {
  it('defaults `by` to consumer and rounds sub-second windows up to one second', () => {
    expect(compileRateLimit({ limit: 3, window: '200ms' }, '/x', 'api')).toEqual({ ok: true, value: { limit: 3, windowSeconds: 1, by: 'consumer', scope: 'api' } });
  });

  it('refuses a window longer than a week', () => {
    expect(compileRateLimit({ limit: 3, window: '8d' }, '/x', 'api').ok).toBe(false);
  });
});
