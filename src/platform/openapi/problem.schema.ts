/**
 * The RFC 9457 body every error of the registry API has, as a documented schema
 * (component `Problem`). Shapes only: the filter builds the real bodies from the
 * catalogue, and the catalogue's codes are this schema's `code` enum.
 */
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PROBLEMS, PROBLEM_TYPE_BASE, type ProblemCode } from '../problems/problem-catalogue';

@ApiSchema({ name: 'ProblemError', description: 'One located cause of a problem: what is wrong and where.' })
export class ProblemErrorSchema {
  @ApiProperty({ example: 'Unknown lifecycle "gone".' }) message!: string;
  @ApiPropertyOptional({ description: 'JSON pointer into the request or the contract', example: '/paths/~1shipments/get' }) pointer?: string;
  @ApiPropertyOptional({ type: 'integer', description: '1-based line in the contract document' }) line?: number;
  @ApiPropertyOptional({ type: 'integer', description: '1-based column in the contract document' }) column?: number;
  @ApiPropertyOptional({ description: 'file of the contracts tree the finding is in' }) file?: string;
  @ApiPropertyOptional({ description: 'issue code or lint rule id', example: 'SCHEMA_VIOLATION' }) code?: string;
}

@ApiSchema({ name: 'Problem', description: 'RFC 9457 problem details, with Charter\'s `code` and `correlationId`.' })
export class ProblemSchema {
  @ApiProperty({ format: 'uri', description: `${PROBLEM_TYPE_BASE}<slug>, one page per slug`, example: `${PROBLEM_TYPE_BASE}domain-not-found` })
  type!: string;

  @ApiProperty({ example: PROBLEMS.DOMAIN_NOT_FOUND.title }) title!: string;
  @ApiProperty({ type: 'integer', example: PROBLEMS.DOMAIN_NOT_FOUND.status }) status!: number;
  @ApiPropertyOptional({ example: 'Domain "billing" does not exist.' }) detail?: string;
  @ApiPropertyOptional({ description: 'the request path', example: '/api/domains/billing' }) instance?: string;
  @ApiProperty({ enum: Object.keys(PROBLEMS), enumName: 'ProblemCode', example: 'DOMAIN_NOT_FOUND' }) code!: ProblemCode;
  @ApiPropertyOptional({ description: 'the x-correlation-id of the request, also in the logs' }) correlationId?: string;
  @ApiPropertyOptional({ type: [ProblemErrorSchema], description: 'invalid input, governance findings: each with where it is' })
  errors?: ProblemErrorSchema[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'breaking-change and semver-violation: every classified change that refused the version',
  })
  changes?: Array<Record<string, unknown>>;
}
