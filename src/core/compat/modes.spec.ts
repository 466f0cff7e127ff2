import type { VersionedSide } from './modes';
import { assessCompatibility } from './modes';

/** A one-operation contract whose response has the given properties (all required). */
function doc(version: string, props: string[], requestProps: string[] = ['a']): VersionedSide {
  const obj = (names: string[]) => ({ type: 'object', required: names, properties: Object.fromEntries(names.map((n) => [n, { type: 'string' }])) });
  return {
    version,
    document: {
      openapi: '3.0.3',
      info: { title: 'T', version },
      paths: {
        '/x': {
          post: {
            requestBody: { required: true, content: { 'application/json': { schema: obj(requestProps) } } },
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: obj(props) } } } },
          },
        },
      },
    },
  };
}

describe('compatibility modes', () => {
  it('BACKWARD blocks a break against the latest version of the major, unless the major moves', () => {
    const published = [doc('1.0.0', ['a', 'b'])];
    expect(assessCompatibility({ mode: 'BACKWARD', candidate: doc('1.1.0', ['a']), published }).ok).toBe(false);
    const major = assessCompatibility({ mode: 'BACKWARD', candidate: doc('2.0.0', ['a']), published });
    expect(major.ok).toBe(true);
    expect(major.predecessor).toBe('1.0.0');
    expect(major.changes.map((c) => c.id)).toEqual(['response-required-property-removed']);
  });

  it('FORWARD checks the earlier version against the candidate: removing a response property is fine, adding a required request property is not', () => {
    const published = [doc('1.0.0', ['a', 'b'])];
    expect(assessCompatibility({ mode: 'FORWARD', candidate: doc('1.1.0', ['a', 'b', 'c']), published }).ok).toBe(false);
    const fwd = assessCompatibility({ mode: 'FORWARD', candidate: doc('1.0.1', ['a', 'b'], []), published });
    expect(fwd.checks.map((c) => c.direction)).toEqual(['forward']);
    expect(fwd.checks[0].breaking).toBe(true);
  });

  it('FULL needs both directions', () => {
    const published = [doc('1.0.0', ['a'])];
    const v = assessCompatibility({ mode: 'FULL', candidate: doc('1.1.0', ['a', 'b']), published });
    expect(v.checks.map((c) => [c.direction, c.breaking])).toEqual([
      ['backward', false],
      ['forward', true],
    ]);
    expect(v.ok).toBe(false);
  });

  it('TRANSITIVE checks every published version of the same major, not only the latest', () => {
    const published = [doc('1.0.0', ['a', 'b']), doc('1.1.0', ['a', 'b', 'c']), doc('0.9.0', ['z'])];
    const candidate = doc('1.2.0', ['a', 'c']);
    // Against 1.1.0 alone, dropping b is already a break; the transitive mode also names 1.0.0.
    const t = assessCompatibility({ mode: 'BACKWARD_TRANSITIVE', candidate, published });
    expect(t.checks.map((c) => c.version)).toEqual(['1.1.0', '1.0.0']);
    const plain = assessCompatibility({ mode: 'BACKWARD', candidate, published });
    expect(plain.checks.map((c) => c.version)).toEqual(['1.1.0']);
  });

  it('NONE checks nothing but still wants the version to move when the content did', () => {
    const published = [doc('1.0.0', ['a', 'b'])];
    expect(assessCompatibility({ mode: 'NONE', candidate: doc('1.0.1', ['a']), published }).ok).toBe(true);
    expect(assessCompatibility({ mode: 'NONE', candidate: doc('1.0.0', ['a']), published }).ok).toBe(false);
  });

  it('a first version has nothing to be compatible with', () => {
    const v = assessCompatibility({ mode: 'FULL_TRANSITIVE', candidate: doc('1.0.0', ['a']), published: [] });
    expect(v).toMatchObject({ ok: true, changes: [], checks: [] });
  });
});
