/**
 * Request validation for one operation, built once per route table: a single ajv
 * function checks every parameter location at once (so one answer lists every
 * error), and one function per declared body media type checks the body: JSON
 * (parsed) and application/x-www-form-urlencoded (fields typed per the schema's
 * properties, as query parameters are).
 */
import type { ValidateFunction } from 'ajv';
import type { OperationPlan, ParamCoercion, ParamLocation, ParamPlan } from '../../core/policy';
import { escapePointerSegment } from '../../core/report/source-ref';
import type { VersionSchemaCompiler } from '../schema/schema-compiler';
import { baseMediaType, isJsonType, pickMedia } from './media-type';
import { coerceScalar, parseCookies, parseDeepObject, parsePathParam, parseQueryParam, parseSimpleParam } from './param-parser';
import { bodyErrors, paramErrors, type ValidationError } from './validation-error';

export interface RequestParts {
  pathParams: Readonly<Record<string, string>>;
  query: ReadonlyMap<string, string[]>;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface BodyMedia {
  mediaType: string;
  json: boolean;
  /** Set for a form body: its declared fields' types. */
  formFields?: Readonly<Record<string, ParamCoercion>>;
  validate?: ValidateFunction;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; error: ValidationError };

export type ContentTypeVerdict = { ok: true; media?: BodyMedia } | { ok: false; status: 400 | 415; error: ValidationError };

export class RequestValidator {
  private readonly params: ParamPlan[];
  private readonly validateParamsFn?: ValidateFunction;
  private readonly hasCookies: boolean;
  private readonly bodyRequired: boolean;
  private readonly bodies: BodyMedia[];
  readonly declaresBody: boolean;

  constructor(plan: OperationPlan, compiler: VersionSchemaCompiler) {
    this.params = plan.parameters;
    this.hasCookies = plan.parameters.some((p) => p.in === 'cookie');
    this.validateParamsFn = this.params.length > 0 ? compiler.compile(paramsSchema(plan.parameters, compiler), plan.pointer + '/parameters') : undefined;
    this.declaresBody = plan.requestBody !== undefined && plan.requestBody.contents.length > 0;
    this.bodyRequired = plan.requestBody?.required === true;
    this.bodies = (plan.requestBody?.contents ?? []).map((c) => {
      const json = isJsonType(baseMediaType(c.mediaType)) || c.mediaType === '*/*';
      const checked = (json || c.formFields !== undefined) && c.schemaPointer;
      return { mediaType: c.mediaType, json, formFields: c.formFields, validate: checked ? compiler.compilePointer(c.schemaPointer!) : undefined };
    });
  }

  /** Appends every parameter error to `errors`. */
  validateParams(parts: RequestParts, errors: ValidationError[]): void {
    if (this.params.length === 0) {
      return;
    }
    const values: Record<ParamLocation, Record<string, unknown>> = { path: {}, query: {}, header: {}, cookie: {} };
    const cookies = this.hasCookies ? parseCookies(headerValue(parts.headers.cookie)) : undefined;
    for (const param of this.params) {
      let value: unknown;
      if (param.in === 'path') {
        const raw = parts.pathParams[param.name];
        value = raw === undefined ? undefined : parsePathParam(param, raw);
      } else if (param.in === 'query') {
        if (param.style === 'deepObject') {
          value = parseDeepObject(param, parts.query);
        } else {
          const raw = parts.query.get(param.name);
          value = raw === undefined ? undefined : parseQueryParam(param, raw, errors);
        }
      } else if (param.in === 'header') {
        const raw = headerValue(parts.headers[param.name]);
        value = raw === undefined ? undefined : parseSimpleParam(param, raw);
      } else {
        const raw = cookies?.get(param.name);
        value = raw === undefined ? undefined : parseQueryParam(param, raw, errors);
      }
      if (value !== undefined) {
        values[param.in][param.name] = value;
      }
    }
    const validate = this.validateParamsFn;
    if (validate && !validate(values) && validate.errors) {
      paramErrors(validate.errors, errors);
    }
  }

  /** Content-type and presence check; says which declared media (if any) to validate against. */
  checkBody(contentType: string | undefined, hasBody: boolean): ContentTypeVerdict {
    if (!hasBody) {
      return this.bodyRequired ? { ok: false, status: 400, error: { in: 'body', pointer: '', message: 'is required', keyword: 'required' } } : { ok: true };
    }
    if (!this.declaresBody) {
      return { ok: true };
    }
    const type = baseMediaType(contentType);
    const media = type === '' ? undefined : pickMedia(this.bodies, type);
    if (!media) {
      const accepted = this.bodies.map((b) => b.mediaType).join(', ');
      return { ok: false, status: 415, error: { in: 'header', name: 'content-type', pointer: '', message: `must be one of: ${accepted}`, keyword: 'contentType' } };
    }
    return { ok: true, media: { ...media, json: media.json || isJsonType(type) } };
  }

  /** The buffered body as the value its schema checks: parsed JSON, or the typed fields of a form. */
  parseBody(media: BodyMedia, raw: Buffer): ParsedBody {
    if (media.formFields) {
      return parseForm(media.formFields, raw.toString('utf8'));
    }
    try {
      return { ok: true, value: JSON.parse(raw.toString('utf8')) };
    } catch (error) {
      return { ok: false, error: { in: 'body', pointer: '', message: `malformed JSON: ${(error as Error).message}`, keyword: 'json' } };
    }
  }

  validateBody(media: BodyMedia, body: unknown, errors: ValidationError[]): void {
    const validate = media.validate;
    if (validate && !validate(body) && validate.errors) {
      bodyErrors(validate.errors, errors);
    }
  }
}

/**
 * `a=1&b=x&b=y` -> { a: 1, b: ['x', 'y'] } per the declared field types. A field
 * not declared as an array may appear once; undeclared fields stay strings for
 * the schema (additionalProperties) to judge.
 */
function parseForm(fields: Readonly<Record<string, ParamCoercion>>, text: string): ParsedBody {
  const values: Record<string, unknown> = {};
  for (const [name, raw] of new URLSearchParams(text)) {
    const coercion = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (coercion?.type === 'array') {
      const list = (values[name] ??= []) as unknown[];
      list.push(coerceScalar(raw, coercion.items));
    } else if (Object.hasOwn(values, name)) {
      return { ok: false, error: { in: 'body', pointer: `/${escapePointerSegment(name)}`, message: 'must not be repeated', keyword: 'repeated' } };
    } else {
      values[name] = coerceScalar(raw, coercion?.type);
    }
  }
  return { ok: true, value: values };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function paramsSchema(params: ParamPlan[], compiler: VersionSchemaCompiler): Record<string, unknown> {
  const locations: Record<string, { type: 'object'; properties: Record<string, unknown>; required: string[] }> = {};
  for (const param of params) {
    const location = (locations[param.in] ??= { type: 'object', properties: {}, required: [] });
    location.properties[param.name] = param.schemaPointer ? compiler.ref(param.schemaPointer) : {};
    if (param.required) {
      location.required.push(param.name);
    }
  }
  return { type: 'object', properties: locations };
}
