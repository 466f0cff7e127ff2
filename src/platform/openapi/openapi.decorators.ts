/**
 * Swagger decorators the registry's controllers share, so that the generated
 * description (served at /docs, committed as contracts/charter/) says what the
 * code does: every error as problem+json from the catalogue, and the correlation
 * header every route accepts. (A public route says why with
 * `@ApiExtension('x-charter-public', ...)` and `security: []`, see health.controller.ts.)
 */
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { CORRELATION_HEADER } from '../logging/correlation';
import { PROBLEMS, PROBLEM_CONTENT_TYPE, type ProblemCode } from '../problems/problem-catalogue';
import { ProblemSchema } from './problem.schema';

/**
 * The problems a route (or every route of a controller) may answer, by catalogue
 * code: one response per status, naming the kinds it may be (Problem.code tells them apart).
 */
export function ApiProblems(...codes: ProblemCode[]): ClassDecorator & MethodDecorator {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) {
    const status = PROBLEMS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses = [...byStatus].map(([status, kinds]) =>
    ApiResponse({
      status,
      description: kinds.map((k) => PROBLEMS[k].title).join('; '),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
    }),
  );
  return applyDecorators(ApiExtraModels(ProblemSchema), ...responses);
}

/** Every route reads x-correlation-id (or makes one) and answers with it. */
export function ApiCorrelationId(): ClassDecorator & MethodDecorator {
  return ApiHeader({
    name: CORRELATION_HEADER,
    required: false,
    description: 'Follows the request through logs and problem bodies; created when absent or not a safe token, and echoed in the answer.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:@-]{1,128}$' },
  });
}

