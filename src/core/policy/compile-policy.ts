/**
 * compilePolicy: one published OpenAPI document + its domain's defaults -> the
 * PolicyPlan the gateway enforces. Pure: no I/O, no clock. Bad x-charter-* values
 * fail the whole plan (a typo must not silently drop a limit); constructs the
 * gateway cannot check compile with a safe fallback and a warning.
 */
import type { Issue } from '../report/issue';
import { escapePointerSegment } from '../report/source-ref';
import { fail, ok, type Result } from '../result';
import { compileMock } from './mock.compile';
import { coercionOf, compileParameters } from './parameters.compile';
import { parsePathTemplate, templateParams } from './path-template';
import type {
  DomainDefaults,
  HttpMethod,
  MediaPlan,
  ParamCoercion,
  OperationPlan,
  PolicyPlan,
  RateLimitPlan,
  ResponsePlan,
  SchemaDialect,
  SecuritySchemePlan,
  ValidationModes,
} from './policy-plan';
import { compileRateLimit } from './rate-limit.compile';
import { isObject, resolveObject, type JsonObject } from './ref-resolver';
import { compileRequirements, compileSecuritySchemes } from './security.compile';
import { compileValidationModes, DEFAULT_VALIDATION } from './validation-mode.compile';

const METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];
export const RATE_LIMIT_EXTENSION = 'x-charter-rate-limit';
export const VALIDATION_EXTENSION = 'x-charter-validation';

interface RootPolicies {
  document: JsonObject;
  schemes: Record<string, SecuritySchemePlan>;
  rateLimit?: RateLimitPlan;
  validation: ValidationModes;
}

export function dialectOf(document: JsonObject): SchemaDialect | undefined {
  const version = typeof document.openapi === 'string' ? document.openapi : '';
  if (/^3\.0\.\d+/.test(version)) {
    return 'openapi-3.0';
  }
  if (/^3\.1\.\d+/.test(version)) {
    return 'openapi-3.1';
  }
  return undefined;
}

export function compilePolicy(document: Record<string, unknown>, defaults: DomainDefaults = {}): Result<PolicyPlan> {
  const dialect = dialectOf(document);
  if (!dialect) {
    return fail({ code: 'UNSUPPORTED_SPEC_VERSION', message: 'the gateway routes OpenAPI 3.0 and 3.1 documents only', source: { pointer: '/openapi' } });
  }
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const take = <T>(result: Result<T>): T | undefined => {
    if (result.ok) {
      return result.value;
    }
    errors.push(...result.errors);
    return undefined;
  };

  const baseValidation: ValidationModes = { ...DEFAULT_VALIDATION, ...defaults.validation };
  const root: RootPolicies = {
    document,
    schemes: compileSecuritySchemes(document, warnings),
    validation: take(compileValidationModes(document[VALIDATION_EXTENSION], `/${VALIDATION_EXTENSION}`, baseValidation)) ?? baseValidation,
    rateLimit:
      document[RATE_LIMIT_EXTENSION] !== undefined
        ? take(compileRateLimit(document[RATE_LIMIT_EXTENSION], `/${RATE_LIMIT_EXTENSION}`, 'api'))
        : defaults.rateLimit && { ...defaults.rateLimit, scope: 'api' },
  };

  const operations: OperationPlan[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [template, rawItem] of Object.entries(paths)) {
    const itemPointer = `/paths/${escapePointerSegment(template)}`;
    const item = resolveObject(document, rawItem, itemPointer);
    if (!item) {
      continue;
    }
    const segments = parsePathTemplate(template);
    if (!segments) {
      errors.push({ code: 'INVALID_POLICY', message: `path template "${template}" cannot be routed`, source: { pointer: itemPointer } });
      continue;
    }
    for (const method of METHODS) {
      const opPointer = `${item.pointer}/${method.toLowerCase()}`;
      const operation = item.value[method.toLowerCase()];
      if (!isObject(operation)) {
        continue;
      }
      const plan = compileOperation(root, { template, segments, item: item.value, itemPointer: item.pointer, method, operation, opPointer }, warnings, take);
      if (plan) {
        operations.push(plan);
      }
    }
  }
  if (errors.length > 0) {
    return fail(...errors);
  }
  const info = isObject(document.info) ? document.info : {};
  return ok({
    title: typeof info.title === 'string' ? info.title : '',
    version: typeof info.version === 'string' ? info.version : '',
    dialect,
    securitySchemes: root.schemes,
    operations,
    warnings,
  });
}

interface OperationSource {
  template: string;
  segments: OperationPlan['segments'];
  item: JsonObject;
  itemPointer: string;
  method: HttpMethod;
  operation: JsonObject;
  opPointer: string;
}

function compileOperation(
  root: RootPolicies,
  src: OperationSource,
  warnings: Issue[],
  take: <T>(result: Result<T>) => T | undefined,
): OperationPlan | undefined {
  const { document } = root;
  const { operation, opPointer } = src;
  const listOf = (value: unknown, pointer: string) =>
    Array.isArray(value) ? value.map((node: unknown, i) => ({ node, pointer: `${pointer}/${i}` })) : [];
  const parameters = compileParameters(document, listOf(src.item.parameters, `${src.itemPointer}/parameters`), listOf(operation.parameters, `${opPointer}/parameters`), warnings);
  for (const name of templateParams(src.segments)) {
    if (!parameters.some((p) => p.in === 'path' && p.name === name)) {
      // Undeclared template params still route; they just are not validated.
      warnings.push({ code: 'UNSUPPORTED_POLICY', message: `path parameter "${name}" is not declared`, source: { pointer: opPointer } });
    }
  }
  const rateLimit =
    operation[RATE_LIMIT_EXTENSION] !== undefined
      ? take(compileRateLimit(operation[RATE_LIMIT_EXTENSION], `${opPointer}/${RATE_LIMIT_EXTENSION}`, 'operation'))
      : root.rateLimit;
  const validation = take(compileValidationModes(operation[VALIDATION_EXTENSION], `${opPointer}/${VALIDATION_EXTENSION}`, root.validation));
  if (!validation) {
    return undefined;
  }
  const security = compileRequirements(
    operation.security !== undefined ? operation.security : document.security,
    operation.security !== undefined ? `${opPointer}/security` : '/security',
    root.schemes,
    warnings,
  );
  return {
    id: typeof operation.operationId === 'string' && operation.operationId !== '' ? operation.operationId : `${src.method} ${src.template}`,
    method: src.method,
    pathTemplate: src.template,
    pointer: opPointer,
    segments: src.segments,
    parameters,
    requestBody: compileRequestBody(document, operation.requestBody, `${opPointer}/requestBody`),
    responses: compileResponses(document, operation.responses, `${opPointer}/responses`),
    security,
    rateLimit,
    validation,
    mock: compileMock(document, operation.responses, `${opPointer}/responses`),
    deprecated: operation.deprecated === true,
  };
}

function compileContents(document: JsonObject, content: unknown, pointer: string): MediaPlan[] {
  if (!isObject(content)) {
    return [];
  }
  return Object.entries(content).map(([mediaType, media]) => {
    const type = mediaType.toLowerCase();
    const schemaPointer = isObject(media) && media.schema !== undefined ? `${pointer}/${escapePointerSegment(mediaType)}/schema` : undefined;
    const plan: MediaPlan = { mediaType: type, schemaPointer };
    if (schemaPointer && type.split(';', 1)[0].trim() === FORM) {
      plan.formFields = formFields(document, (media as JsonObject).schema, schemaPointer);
    }
    return plan;
  });
}

const FORM = 'application/x-www-form-urlencoded';

/** Each declared property of a form body's object schema, with the type its string value becomes. */
function formFields(document: JsonObject, schema: unknown, pointer: string): Record<string, ParamCoercion> {
  const fields: Record<string, ParamCoercion> = {};
  const resolved = resolveObject(document, schema, pointer);
  const properties = resolved && isObject(resolved.value.properties) ? resolved.value.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    fields[name] = coercionOf(document, property, `${resolved!.pointer}/properties/${escapePointerSegment(name)}`);
  }
  return fields;
}

function compileRequestBody(document: JsonObject, value: unknown, pointer: string): OperationPlan['requestBody'] {
  if (value === undefined) {
    return undefined;
  }
  const body = resolveObject(document, value, pointer);
  if (!body) {
    return undefined;
  }
  return { required: body.value.required === true, contents: compileContents(document, body.value.content, `${body.pointer}/content`) };
}

function compileResponses(document: JsonObject, value: unknown, pointer: string): ResponsePlan[] {
  if (!isObject(value)) {
    return [];
  }
  const plans: ResponsePlan[] = [];
  for (const [status, raw] of Object.entries(value)) {
    const response = resolveObject(document, raw, `${pointer}/${escapePointerSegment(status)}`);
    if (!response) {
      continue;
    }
    plans.push({ status: status.toUpperCase(), contents: compileContents(document, response.value.content, `${response.pointer}/content`) });
  }
  return plans;
}
