import { parsePathTemplate } from '../../core/policy/path-template';
import { PathRouter } from './path-router';

function router(...templates: string[]): PathRouter<string> {
  const r = new PathRouter<string>();
  for (const t of templates) {
    r.add(parsePathTemplate(t)!, () => t);
  }
  return r;
}

const match = (r: PathRouter<string>, path: string) => r.match(path.split('/').slice(1), 0);

describe('PathRouter', () => {
  const r = router('/shipments', '/shipments/{id}', '/shipments/search', '/shipments/{shipmentId}/stops/{n}', '/files/{name}.{ext}', '/files/{path}', '/');

  it('prefers literal segments over parameters', () => {
    expect(match(r, '/shipments/search')).toEqual({ value: '/shipments/search', params: {} });
    expect(match(r, '/shipments/SH-1')).toEqual({ value: '/shipments/{id}', params: { id: 'SH-1' } });
  });

  it('names parameters per template even where templates share a node', () => {
    expect(match(r, '/shipments/SH-1/stops/3')).toEqual({ value: '/shipments/{shipmentId}/stops/{n}', params: { shipmentId: 'SH-1', n: '3' } });
  });

  it('matches mixed segments before whole-segment parameters', () => {
    expect(match(r, '/files/report.pdf')).toEqual({ value: '/files/{name}.{ext}', params: { name: 'report', ext: 'pdf' } });
    expect(match(r, '/files/README')).toEqual({ value: '/files/{path}', params: { path: 'README' } });
  });

  it('backtracks when a literal branch dead-ends', () => {
    const b = router('/a/b/c', '/a/{x}/d');
    expect(match(b, '/a/b/d')).toEqual({ value: '/a/{x}/d', params: { x: 'b' } });
  });

  it('never matches a parameter to an empty segment, and tells / from the rest', () => {
    expect(match(r, '/shipments/')).toBeUndefined();
    expect(match(r, '/')).toEqual({ value: '/', params: {} });
    expect(match(r, '/nothing')).toBeUndefined();
  });
});
