/**
 * The policy plan: everything the gateway must enforce for one published OpenAPI
 * version, as plain JSON-able data. Schemas are not copied: each is named by a JSON
 * pointer into the (bundled, internal-refs-only) document, so the runtime can hand
 * the document to a JSON Schema validator once and compile every pointer against
 * it, keeping `$ref` cycles as references instead of an infinite object graph.
 */
import type { Issue } from '../report/issue';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/** Which JSON Schema dialect the document's schemas are written in. */
export type SchemaDialect = 'openapi-3.0' | 'openapi-3.1';

export type ValidationMode = 'enforce' | 'monitor' | 'off';

export interface ValidationModes {
  request: ValidationMode;
  response: ValidationMode;
}

export type RateLimitBy = 'consumer' | 'ip' | 'global';

export interface RateLimitPlan {
  limit: number;
  windowSeconds: number;
  by: RateLimitBy;
  /**
   * Where the budget is kept: `api` for the document-root default (one budget for
   * the whole major version), `operation` when the operation declares its own.
   */
  scope: 'api' | 'operation';
}

/** One literal or `{name}` piece of a path segment; a segment may mix both (`{id}.json`). */
export type TemplatePart = { literal: string } | { param: string };

export interface PathSegmentPlan {
  parts: TemplatePart[];
}

/** How raw parameter strings become typed values before validation. */
export interface ParamCoercion {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'any';
  /** Scalar type of array items. */
  items?: 'string' | 'number' | 'integer' | 'boolean' | 'any';
}

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParamPlan {
  name: string;
  in: ParamLocation;
  required: boolean;
  /** Pointer to the parameter's schema, absent when it has none (content-typed params). */
  schemaPointer?: string;
  style: 'simple' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject' | 'matrix' | 'label';
  explode: boolean;
  coercion: ParamCoercion;
}

export interface MediaPlan {
  /** Lower-case media range as written in the contract (`application/json`, `application/*`). */
  mediaType: string;
  schemaPointer?: string;
  /**
   * application/x-www-form-urlencoded with an object schema: the JSON type each
   * field's raw string becomes, so the schema sees numbers, booleans and arrays.
   */
  formFields?: Record<string, ParamCoercion>;
}

export interface RequestBodyPlan {
  required: boolean;
  contents: MediaPlan[];
}

export interface ResponsePlan {
  /** `200`, `2XX` or `default`. */
  status: string;
  contents: MediaPlan[];
}

/** One security scheme the gateway knows how to check. */
export type SecuritySchemePlan =
  | { type: 'jwt'; name: string }
  | { type: 'apiKey'; name: string; in: 'header' | 'query' | 'cookie'; paramName: string }
  | { type: 'unsupported'; name: string; reason: string };

/** All schemes of one requirement must pass (AND); requirements are alternatives (OR). */
export interface SecurityRequirementPlan {
  schemes: Array<{ scheme: string; scopes: string[] }>;
}

export interface MockPlan {
  status: number;
  contentType?: string;
  /** JSON value for JSON media types, a string otherwise; absent for an empty body. */
  body?: unknown;
  /** Where the body came from, for logs and docs. */
  source: 'example' | 'examples' | 'schema-example' | 'schema' | 'none';
}

export interface OperationPlan {
  /** `operationId`, or `METHOD /path` when the contract has none. */
  id: string;
  method: HttpMethod;
  pathTemplate: string;
  /** Pointer to the operation object in the document. */
  pointer: string;
  segments: PathSegmentPlan[];
  parameters: ParamPlan[];
  requestBody?: RequestBodyPlan;
  responses: ResponsePlan[];
  /** Empty array: no authentication needed. */
  security: SecurityRequirementPlan[];
  rateLimit?: RateLimitPlan;
  validation: ValidationModes;
  mock: MockPlan;
  deprecated: boolean;
}

export interface PolicyPlan {
  title: string;
  version: string;
  dialect: SchemaDialect;
  securitySchemes: Record<string, SecuritySchemePlan>;
  operations: OperationPlan[];
  /** Things compiled with a fallback (unsupported scheme, unknown style): not fatal. */
  warnings: Issue[];
}

/** What a domain's domain.yaml contributes to every plan of that domain. */
export interface DomainDefaults {
  /** Applied when neither the operation nor the document root declares one. */
  rateLimit?: Omit<RateLimitPlan, 'scope'>;
  validation?: Partial<ValidationModes>;
}
