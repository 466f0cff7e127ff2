/**
 * One located validation error as it appears in a 400 problem's `errors`:
 * `in` says where (path, query, header, cookie, body), `name` which parameter,
 * `pointer` where inside its value (RFC 6901), `message` what is wrong.
 */
import type { ErrorObject } from 'ajv';

export type ErrorLocation = 'path' | 'query' | 'header' | 'cookie' | 'body' | 'response';

export interface ValidationError {
  in: ErrorLocation;
  name?: string;
  pointer: string;
  message: string;
  keyword?: string;
}

/** More errors than this in one answer help nobody and cost time and bytes. */
export const MAX_REPORTED_ERRORS = 50;

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Points `required` and `additionalProperties` errors at the property itself. */
function refine(error: ErrorObject): { pointer: string; message: string } {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return { pointer: `${error.instancePath}/${params.missingProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return { pointer: `${error.instancePath}/${params.additionalProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: 'is not allowed' };
  }
  return { pointer: error.instancePath, message: error.message ?? 'is invalid' };
}

/** Errors of the combined `{ path, query, header, cookie }` parameter object. */
export function paramErrors(errors: readonly ErrorObject[], out: ValidationError[]): void {
  for (const error of errors) {
    if (out.length >= MAX_REPORTED_ERRORS) {
      return;
    }
    const { pointer, message } = refine(error);
    const [, location, name, ...rest] = pointer.split('/');
    out.push({
      in: location as ErrorLocation,
      name: name === undefined ? undefined : unescape(name),
      pointer: rest.length > 0 ? `/${rest.join('/')}` : '',
      message,
      keyword: error.keyword,
    });
  }
}

export function bodyErrors(errors: readonly ErrorObject[], out: ValidationError[], location: ErrorLocation = 'body'): void {
  for (const error of errors) {
    if (out.length >= MAX_REPORTED_ERRORS) {
      return;
    }
    const { pointer, message } = refine(error);
    out.push({ in: location, pointer, message, keyword: error.keyword });
  }
}
