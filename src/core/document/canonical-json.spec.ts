import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('writes the same text as JSON.stringify for values JSON can hold', () => {
    const value = { s: 'quote " and \\ and \n and é', n: [0, -1.5, 1e21, 1e-7], e: {}, a: [] };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
    expect(canonicalJson('plain')).toBe('"plain"');
    expect(canonicalJson(null)).toBe('null');
  });

  it('drops undefined members and writes undefined array items as null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it('writes shared subtrees (YAML aliases) in full', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('handles documents deeper than the call stack would allow', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 20_000; i++) {
      deep = [deep];
    }
    expect(canonicalJson(deep)).toHaveLength(40_001);
  });
});

describe('sha256Hex', () => {
  it('is the hex sha256 of the UTF-8 text', () => {
    expect(sha256Hex('é')).toBe(createHash('sha256').update(Buffer.from('é', 'utf8')).digest('hex'));
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
