import { formatSourceRef, parsePointer, toPointer } from './source-ref';

describe('JSON pointers', () => {
  it('round-trips segments with / and ~ and keeps % in plain pointers', () => {
    const segments = ['paths', '/shipments/{id}', 'a~b', '100%'];
    expect(toPointer(segments)).toBe('/paths/~1shipments~1{id}/a~0b/100%');
    expect(parsePointer(toPointer(segments))).toEqual(segments);
  });

  it('percent-decodes URI fragments only', () => {
    expect(parsePointer('#/components/schemas/a%20b')).toEqual(['components', 'schemas', 'a b']);
    expect(parsePointer('')).toEqual([]);
  });

  it('formats a location the way editors and CI annotations read it', () => {
    expect(formatSourceRef({ file: 'erp/ar.yaml', pointer: '/info', line: 3, column: 5 })).toBe('erp/ar.yaml:3:5 (/info)');
    expect(formatSourceRef({ pointer: '' })).toBe('<document>');
  });
});
