import { parseQuery, parseRequestTarget } from './request-target';

describe('parseRequestTarget', () => {
  it('splits path, query and once-decoded segments', () => {
    expect(parseRequestTarget('/d/a/v1/files/report%20(1).pdf?x=1#frag')).toEqual({
      ok: true,
      target: { path: '/d/a/v1/files/report%20(1).pdf', query: 'x=1', segments: ['d', 'a', 'v1', 'files', 'report (1).pdf'] },
    });
    expect(parseRequestTarget('/d/a/v1/items/')).toMatchObject({ ok: true, target: { segments: ['d', 'a', 'v1', 'items', ''] } });
  });

  it.each([
    ['http://host/d/a/v1', 'request target must be an absolute path'],
    ['*', 'request target must be an absolute path'],
    ['/d/a/v1/../x', 'dot segment in path'],
    ['/d/a/v1/./x', 'dot segment in path'],
    ['/d/a/v1/%2E%2e/x', 'dot segment in path'],
    ['/d/a/v1/%2e/x', 'dot segment in path'],
    ['/d/a/v1/a%2Fb', 'encoded slash, backslash or NUL in path'],
    ['/d/a/v1/a%5Cb', 'encoded slash, backslash or NUL in path'],
    ['/d/a/v1/a%00', 'encoded slash, backslash or NUL in path'],
    ['/d/a/v1/%252e%252e', 'double-encoded path'],
    ['/d/a/v1/%25%32%65', 'double-encoded path'],
    ['/d/a/v1/%', 'malformed percent-encoding in path'],
    ['/d/a/v1/%C0%AF', 'malformed percent-encoding in path'],
    ['/d/a\\v1', 'backslash in path'],
    ['/d//a/v1', 'empty path segment'],
  ])('refuses %s', (url, reason) => {
    expect(parseRequestTarget(url)).toEqual({ ok: false, reason });
  });

  it('keeps a literal percent that is not an encoded separator', () => {
    expect(parseRequestTarget('/d/a/v1/100%25')).toMatchObject({ ok: true, target: { segments: ['d', 'a', 'v1', '100%'] } });
  });
});

describe('parseQuery', () => {
  it('collects repeated names in order and decodes + and %XX once', () => {
    const result = parseQuery('a=1&b=x+y&a=2&c&d=%252e');
    expect(result.ok && [...result.query]).toEqual([
      ['a', ['1', '2']],
      ['b', ['x y']],
      ['c', ['']],
      ['d', ['%2e']],
    ]);
  });

  it('refuses malformed encoding and too many parameters', () => {
    expect(parseQuery('a=%E0%A4%A')).toEqual({ ok: false, reason: 'malformed percent-encoding in query' });
    expect(parseQuery('a=1&b=2&c=3', 2)).toEqual({ ok: false, reason: 'more than 2 query parameters' });
  });
});
