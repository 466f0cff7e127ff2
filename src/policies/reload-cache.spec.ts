import { ReloadCache } from './reload-cache';

describe('ReloadCache', () => {
  it('reuses the live value for an unchanged signature and retires what the new build did not take', () => {
    const retired: string[][] = [];
    const cache = new ReloadCache<string>({ retire: (values) => retired.push(values) });
    expect(cache.acquire('a', () => 'A1')).toBe('A1');
    expect(cache.acquire('b', () => 'B1')).toBe('B1');
    cache.commit();
    expect(cache.acquire('a', () => 'A2')).toBe('A1');
    cache.commit();
    expect(retired).toEqual([['B1']]);
  });

  it('discards what a failed build created and keeps the live set', () => {
    const discarded: string[] = [];
    const cache = new ReloadCache<string>({ discard: (value) => discarded.push(value) });
    cache.acquire('a', () => 'A1');
    cache.commit();
    cache.acquire('a', () => 'A2');
    cache.acquire('c', () => 'C1');
    cache.rollback();
    expect(discarded).toEqual(['C1']);
    expect(cache.acquire('a', () => 'A3')).toBe('A1');
    expect(cache.drain()).toEqual(['A1']);
  });
});
