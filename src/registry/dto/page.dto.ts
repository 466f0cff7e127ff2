/**
 * How list routes document their cursor pagination (see ../pagination.ts): the
 * `limit` and `cursor` query parameters and the `{ items, nextCursor, total }` page.
 */
import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiQuery, getSchemaPath } from '@nestjs/swagger';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../pagination';

export function ApiPageQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      description: `Items per page, 1 to ${MAX_LIMIT}.`,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      description: 'The `nextCursor` of the previous page; omit it for the first page.',
      schema: { type: 'string' },
    }),
  );
}

export function ApiPageResponse(item: Type<unknown>, description: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor', 'total'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: { type: 'string', nullable: true, description: 'Cursor of the next page; null on the last page.' },
          total: { type: 'integer', minimum: 0, description: 'Items matching the query, on all pages.' },
        },
      },
    }),
  );
}
