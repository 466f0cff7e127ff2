/**
 * Response validation for one operation: the declared response for a status
 * (exact, then `4XX`-style range, then `default`) and its media type. JSON bodies
 * are checked against their schema; the caller decides what a violation means
 * (monitor: log and count; enforce: 502).
 */
import type { ValidateFunction } from 'ajv';
import type { OperationPlan } from '../../core/policy';
import type { VersionSchemaCompiler } from '../schema/schema-compiler';
import { baseMediaType, isJsonType, pickMedia } from './media-type';
import { bodyErrors, type ValidationError } from './validation-error';

interface ResponseMedia {
  mediaType: string;
  validate?: ValidateFunction;
}

interface DeclaredResponse {
  contents: ResponseMedia[];
}

export type ResponseCheck =
  | { kind: 'skip' }
  | { kind: 'violation'; errors: ValidationError[] }
  /** The body must be parsed as JSON and passed to `validate`. */
  | { kind: 'body'; validate: ValidateFunction };

export class ResponseValidator {
  private readonly byStatus = new Map<string, DeclaredResponse>();

  constructor(plan: OperationPlan, compiler: VersionSchemaCompiler) {
    for (const response of plan.responses) {
      this.byStatus.set(response.status, {
        contents: response.contents.map((c) => ({
          mediaType: c.mediaType,
          validate: c.schemaPointer && isJsonType(baseMediaType(c.mediaType)) ? compiler.compilePointer(c.schemaPointer) : undefined,
        })),
      });
    }
  }

  /** What to check for this status and content type, decided before the body arrives. */
  check(status: number, contentType: string | undefined, hasBody: boolean): ResponseCheck {
    const declared = this.byStatus.get(String(status)) ?? this.byStatus.get(`${String(status)[0]}XX`) ?? this.byStatus.get('DEFAULT');
    if (!declared) {
      return { kind: 'violation', errors: [{ in: 'response', pointer: '', message: `status ${status} is not declared`, keyword: 'status' }] };
    }
    if (!hasBody || declared.contents.length === 0) {
      return { kind: 'skip' };
    }
    const type = baseMediaType(contentType);
    const media = pickMedia(declared.contents, type);
    if (!media) {
      return { kind: 'violation', errors: [{ in: 'response', name: 'content-type', pointer: '', message: `content type "${type}" is not declared for ${status}`, keyword: 'contentType' }] };
    }
    return media.validate && isJsonType(type) ? { kind: 'body', validate: media.validate } : { kind: 'skip' };
  }

  static bodyErrors(validate: ValidateFunction): ValidationError[] {
    const errors: ValidationError[] = [];
    if (validate.errors) {
      bodyErrors(validate.errors, errors, 'response');
    }
    return errors;
  }
}
