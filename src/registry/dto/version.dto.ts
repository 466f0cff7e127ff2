import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional } from 'class-validator';
import { API_KINDS } from '../entities/api.entity';
import { LIFECYCLES, type Lifecycle } from '../entities/api-version.entity';

export class VersionResponse {
  @ApiProperty({ example: 'dispatch' }) domain!: string;
  @ApiProperty({ example: 'shipments' }) api!: string;
  @ApiProperty({ example: '1.4.0' }) version!: string;
  @ApiProperty({ enum: API_KINDS }) kind!: string;
  @ApiProperty({ example: '3.1.0' }) specVersion!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LIFECYCLES }) lifecycle!: Lifecycle;
  @ApiProperty({ description: 'sha256 of the canonical JSON of the normalized document' }) digest!: string;
  @ApiProperty({ enum: ['yaml', 'json'] }) format!: string;
  @ApiProperty() publishedBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) deprecatedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) sunsetAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) retiredAt!: string | null;
  @ApiPropertyOptional({ description: 'Changes against the predecessor version', type: 'array', items: { type: 'object' } })
  changelog?: unknown[] | null;
}

export class ChangeLifecycleDto {
  @ApiProperty({ enum: LIFECYCLES })
  @IsIn(LIFECYCLES)
  lifecycle!: Lifecycle;

  @ApiPropertyOptional({ description: 'RFC 3339 date when the version stops being served (deprecated, retired)' })
  @IsOptional()
  @IsDateString()
  sunsetAt?: string;
}

export class ApiSummaryResponse {
  @ApiProperty() domain!: string;
  @ApiProperty() api!: string;
  @ApiProperty({ enum: API_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description!: string | null;
  @ApiPropertyOptional({ type: VersionResponse, nullable: true }) latest!: VersionResponse | null;
}

export class ChangelogResponse {
  @ApiProperty() domain!: string;
  @ApiProperty() api!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ description: 'true when a client of `from` could break against `to`' }) breaking!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'each change: rule id, level, operation or channel, pointers, sentence' })
  changes!: Record<string, unknown>[];
}
