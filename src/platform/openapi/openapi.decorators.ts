/**
 * Swagger decorators the registry's controllers share, so that the generated
 * description (served at /docs, committed as contracts/charter/) says what the
 * code does: every error as problem+json from the catalogue, and the correlation
 * header every route accepts. (A public route says why with
 * `@ApiExtension('x-charter-public', ...)` and `security: []`, see health.controller.ts.)
 */
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CORRELATION_HEADER, SAFE_ID } from '../logging/correlation';
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
    schema: { type: 'string', pattern: SAFE_ID.source },
  });
}

/**
 * What every registry controller shares: its tag, the bearer token it requires,
 * the correlation header, and the problems any authenticated route may answer.
 */
export function ApiRegistryController(tag: string): ClassDecorator {
  return applyDecorators(ApiTags(tag), ApiBearerAuth(), ApiCorrelationId(), ApiProblems('UNAUTHENTICATED', 'FORBIDDEN'));
}
