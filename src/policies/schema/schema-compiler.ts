/**
 * One ajv instance per published version: the converted document is added once
 * under a per-version key, and every operation schema is compiled as a `$ref` to a
 * pointer inside it, so shared and recursive component schemas compile once and
 * cycles stay references. Dialect: draft-07 ajv for OpenAPI 3.0 (after
 * conversion), Ajv2020 for 3.1; ajv-formats for formats (int32, date-time, ...).
 * Compiling happens at route-table build time only, never per request.
 */
import Ajv, { type AnySchema, type Options, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { pointerToFragment, type SchemaDialect } from '../../core/policy';
import { convertForAjv } from './openapi-schema.convert';

export interface SchemaCompileWarning {
  pointer: string;
  message: string;
}

function collectFormats(node: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 512 || typeof node !== 'object' || node === null) {
    return out;
  }
  if (Array.isArray(node)) {
    for (const item of node) {
      collectFormats(item, out, depth + 1);
    }
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'format' && typeof value === 'string') {
      out.add(value);
    } else if (key !== 'example' && key !== 'examples' && key !== 'enum' && key !== 'const' && key !== 'default') {
      collectFormats(value, out, depth + 1);
    }
  }
  return out;
}

export class VersionSchemaCompiler {
  private readonly ajv: Ajv;
  readonly warnings: SchemaCompileWarning[] = [];
  private readonly key: string;
  private readonly byPointer = new Map<string, ValidateFunction | undefined>();

  constructor(document: Record<string, unknown>, dialect: SchemaDialect, key: string) {
    const options: Options = {
      allErrors: true,
      strict: false,
      validateSchema: false,
      // Unknown formats and keywords are reported once at build time, not per request.
      logger: { log: () => undefined, warn: (m: unknown) => this.warnings.push({ pointer: '', message: String(m) }), error: () => undefined },
      // Shared component schemas compile once as functions instead of being inlined
      // into every operation: a big contract (stripe, github) compiles in a fraction
      // of the time and memory, for a small per-call cost.
      inlineRefs: false,
      // Contract patterns are ECMA-262 regexes, often not valid in unicode mode.
      unicodeRegExp: false,
    };
    this.ajv = dialect === 'openapi-3.1' ? new Ajv2020(options) : new Ajv(options);
    addFormats(this.ajv);
    this.key = `https://charter.dev/schemas/${encodeURIComponent(key)}`;
    const converted = convertForAjv(document, dialect);
    // Formats ajv-formats does not know (`unix-time`, vendor names) are annotations:
    // accept any value, and say so once per format instead of once per schema.
    for (const format of collectFormats(converted)) {
      if (this.ajv.formats[format] !== undefined) {
        continue;
      }
      this.ajv.addFormat(format, true);
      this.warnings.push({ pointer: '', message: `format "${format}" is not checked (unknown to the validator)` });
    }
    this.ajv.addSchema(converted, this.key);
  }

  /** A `$ref` schema pointing at `pointer` of the version's document. */
  ref(pointer: string): AnySchema {
    return { $ref: this.key + pointerToFragment(pointer) };
  }

  /** Validator for the schema at a pointer; undefined (with a warning) when ajv refuses it. */
  compilePointer(pointer: string): ValidateFunction | undefined {
    if (this.byPointer.has(pointer)) {
      return this.byPointer.get(pointer);
    }
    const validate = this.compile(this.ref(pointer), pointer);
    this.byPointer.set(pointer, validate);
    return validate;
  }

  /** Validator for a wrapper schema that `$ref`s into the document. */
  compile(schema: AnySchema, pointer: string): ValidateFunction | undefined {
    try {
      return this.ajv.compile(schema);
    } catch (error) {
      this.warnings.push({ pointer, message: `schema not validated: ${(error as Error).message}` });
      return undefined;
    }
  }
}
