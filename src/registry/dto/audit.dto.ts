import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditEntryResponse {
  @ApiProperty({ description: 'position in the log, as a string (64-bit)', example: '42' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'subject of the token that made the change', example: 'charter-seed' }) actor!: string;
  @ApiProperty({ example: 'version.published' }) action!: string;
  @ApiProperty({ example: 'version' }) targetType!: string;
  @ApiProperty({ example: 'dispatch/shipments@1.7.0' }) target!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what changed, per action' }) details!: Record<string, unknown>;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'x-correlation-id of the request that made the change' })
  correlationId!: string | null;
}
