import { readFixture } from '../../../test/fixtures/document/fixture-source';
import { detectContractKind } from './detect-kind';
import { parseDocument } from './parse-document';

async function detectFixture(file: string) {
  const parsed = parseDocument(await readFixture(file), file);
  if (!parsed.ok) {
    throw new Error('fixture does not parse');
  }
  return detectContractKind(parsed.value.data);
}

describe('detectContractKind', () => {
  it.each([
    [{ openapi: '3.0.0' }, 'openapi', '3.0.0'],
    [{ openapi: '3.0.3' }, 'openapi', '3.0.3'],
    [{ openapi: '3.1.0' }, 'openapi', '3.1.0'],
    [{ openapi: '3.1.1' }, 'openapi', '3.1.1'],
    [{ asyncapi: '2.0.0' }, 'asyncapi', '2.0.0'],
    [{ asyncapi: '2.6.0' }, 'asyncapi', '2.6.0'],
    [{ asyncapi: '3.0.0' }, 'asyncapi', '3.0.0'],
    [{ asyncapi: '3.1.0' }, 'asyncapi', '3.1.0'],
  ])('accepts %j', (data, kind, specVersion) => {
    expect(detectContractKind(data)).toEqual({ ok: true, value: { kind, specVersion } });
  });

  it('refuses Swagger 2.0, naming the version and the supported ones', async () => {
    const result = await detectFixture('bad/swagger-2.0.json');
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.errors[0]).toMatchObject({ code: 'UNSUPPORTED_SPEC_VERSION', source: { pointer: '/swagger' } });
    expect(result.errors[0].message).toContain("Swagger '2.0'");
    expect(result.errors[0].message).toContain('OpenAPI 3.0.x and 3.1.x');
  });

  it('refuses OpenAPI 4.0, naming the version and the supported ones', async () => {
    const result = await detectFixture('bad/openapi-4.0.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.errors[0]).toMatchObject({ code: 'UNSUPPORTED_SPEC_VERSION', source: { pointer: '/openapi' } });
    expect(result.errors[0].message).toContain("'4.0.0'");
    expect(result.errors[0].message).toContain('AsyncAPI 2.0.0');
  });

  it.each([[{ openapi: 3.1 }], [{ openapi: '3.2.0' }], [{ openapi: '3.1.0-rc1' }], [{ asyncapi: '2.7.0' }], [{ asyncapi: '1.2.0' }]])(
    'refuses %j as an unsupported version',
    (data) => {
      const result = detectContractKind(data);
      expect(result.ok ? undefined : result.errors[0].code).toBe('UNSUPPORTED_SPEC_VERSION');
    },
  );

  it('refuses documents that are not contracts', async () => {
    const notObject = await detectFixture('bad/not-an-object.yaml');
    const unknown = await detectFixture('bad/unknown-format.yaml');
    expect(notObject.ok ? undefined : notObject.errors[0].code).toBe('NOT_AN_OBJECT');
    expect(unknown.ok ? undefined : unknown.errors[0].code).toBe('UNKNOWN_FORMAT');
    const both = detectContractKind({ openapi: '3.1.0', asyncapi: '3.0.0' });
    expect(both.ok ? undefined : both.errors[0].code).toBe('UNKNOWN_FORMAT');
    const empty = detectContractKind(null);
    expect(empty.ok ? undefined : empty.errors[0].code).toBe('NOT_AN_OBJECT');
  });
});
