import { numberText } from './number-text';

describe('numberText', () => {
  it('writes what String() writes for the integers and decimals of headers and log lines', () => {
    for (const n of [0, 7, 42, 999_999_999, 1_732_291_200_123, 0.5, 12.25, 3.14, 1e-7, 2 ** 53]) {
      expect(numberText(n)).toBe(String(n));
    }
  });

  it('writes negative numbers with their sign', () => {
    expect(numberText(-3)).toBe('-3');
  });
});
