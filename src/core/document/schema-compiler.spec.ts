/* eslint-disable @typescript-eslint/no-require-imports */
import type { ErrorObject, ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { readFixture } from '../../../test/fixtures/document/fixture-source';
import { defaultExport } from './lazy-modules';
import { parseDocument } from './parse-document';
import { compileValidator, VALIDATOR_KEYS } from './schema-compiler';
import * as schemaFormats from './schema-formats';

/** What scripts/build-validators.js writes, evaluated in memory instead of from dist/. */
function precompiled(key: string): { code: string; validate: ValidateFunction } {
  const { ajv, validate } = compileValidator(key, { standalone: true });
  const code = standaloneCode(ajv, validate);
  const module = { exports: {} as ValidateFunction | { default: ValidateFunction } };
  // The generated module resolves schema-formats relative to generated/.
  const requireFrom = (id: string): unknown => (id === '../schema-formats' ? schemaFormats : require(id));
  // Evaluating the generated code is the point: it is what dist/ would load.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('require', 'module', 'exports', code)(requireFrom, module, module.exports);
  return { code, validate: defaultExport(module.exports) };
}

type Doc = Record<string, unknown>;
const child = (d: Doc, key: string): Doc => d[key] as Doc;

/** Documents that break in the ways contracts do: missing, mistyped, mis-formatted, unknown. */
function broken(valid: Doc): Doc[] {
  const copy = (): Doc => structuredClone(valid);
  const out: Doc[] = [];
  let d = copy();
  delete child(d, 'info').title;
  child(d, 'info').contact = { email: 'not an email', url: 'no uri ::' };
  out.push(d);
  d = copy();
  child(d, 'info').version = 42;
  d['x-ok'] = true;
  d.bogus = [null];
  out.push(d);
  d = copy();
  const section = child(d, d.paths ? 'paths' : 'channels');
  for (const key of Object.keys(section)) {
    section[key] = { ...child(section, key), unknownField: 1, parameters: 'no', $ref: 7 };
  }
  out.push(d);
  d = copy();
  // A Schema Object pattern is `format: regex` in the 3.0 schema: the function format,
  // which the generated code requires from schema-formats.
  d.components = { ...child(d, 'components'), schemas: { Bad: { type: 'string', pattern: '([unclosed' } } };
  d.jsonSchemaDialect = 42; // and something every version refuses (3.1 checks no schema content)
  out.push(d);
  return out;
}

const FIXTURES: Array<[string, string]> = [
  ['openapi-3.0', 'valid/openapi-3.0.yaml'],
  ['openapi-3.1', 'valid/openapi-3.1.json'],
  ['asyncapi-2.6.0', 'valid/asyncapi-2.6.yaml'],
  ['asyncapi-3.0.0', 'valid/asyncapi-3.0.yaml'],
];

describe('precompiled (standalone) validators', () => {
  it('cover every supported spec version', () => {
    expect(VALIDATOR_KEYS).toEqual(expect.arrayContaining(FIXTURES.map(([key]) => key)));
    expect(VALIDATOR_KEYS.filter((k) => k.startsWith('asyncapi-'))).toHaveLength(9);
  });

  it.each(FIXTURES)('%s reports exactly the errors of the runtime validator', async (key, fixture) => {
    const parsed = parseDocument(await readFixture(fixture), fixture);
    if (!parsed.ok) {
      throw new Error(`fixture ${fixture} does not parse`);
    }
    const runtime = compileValidator(key).validate;
    const { code, validate } = precompiled(key);
    expect(code).not.toMatch(/require\("ajv"\)|require\("ajv\/dist\/(2020|core|compile)/); // the compiler stays unloaded

    const errorsOf = (v: ValidateFunction, doc: unknown): ErrorObject[] => (v(doc) ? [] : [...(v.errors ?? [])]);
    expect(errorsOf(validate, parsed.value.data)).toEqual([]);
    for (const doc of broken(parsed.value.data as Doc)) {
      const expected = errorsOf(runtime, doc);
      expect(expected.length).toBeGreaterThan(0);
      expect(errorsOf(validate, doc)).toEqual(expected);
    }
  });

  it('checks `format: regex` with the ECMA-262 rules of schema-formats, not unicode mode', () => {
    const { validate } = precompiled('openapi-3.0');
    const doc = (pattern: string): Doc => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1.0.0' },
      paths: {},
      components: { schemas: { S: { type: 'string', pattern } } },
    });
    expect(validate(doc('^[\\w-]+$'))).toBe(true);
    expect(validate(doc('([unclosed'))).toBe(false);
    expect(validate.errors).toEqual(expect.arrayContaining([expect.objectContaining({ keyword: 'format', params: { format: 'regex' } })]));
  });
});
