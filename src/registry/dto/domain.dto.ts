import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { COMPATIBILITY_MODES } from '../../core/tree';

export class DomainOwnerDto {
  @ApiPropertyOptional({ example: 'dispatch-platform' })
  @IsOptional()
  @IsString()
  team?: string;

  @ApiPropertyOptional({ example: 'dispatch-platform@meridian-logistics.example' })
  @IsOptional()
  @IsEmail()
  email?: string;
}

/** Body of PUT /api/domains/{domain}: the content of a domain.yaml, as JSON. */
export class UpsertDomainDto {
  @ApiProperty({ example: 'Dispatch & TMS' })
  @IsString()
  @MinLength(1)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  description?: string;

  @ApiProperty({ type: [DomainOwnerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => DomainOwnerDto)
  owners!: DomainOwnerDto[];

  @ApiPropertyOptional({ enum: COMPATIBILITY_MODES, default: 'BACKWARD' })
  @IsOptional()
  @IsIn(COMPATIBILITY_MODES)
  compatibility?: string;

  @ApiPropertyOptional({ example: 'http://dispatch.internal:8080' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  upstream?: string;

  @ApiPropertyOptional({ description: 'auth, correlation, lint and policy defaults of domain.yaml' })
  @IsOptional()
  @IsObject()
  settings?: Record<string, unknown>;
}

export const DOMAIN_KEY_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const KeyMatches = () => Matches(DOMAIN_KEY_PATTERN);

export class DomainResponse {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: [DomainOwnerDto] }) owners!: DomainOwnerDto[];
  @ApiProperty({ enum: COMPATIBILITY_MODES }) compatibility!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) upstream!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) settings!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
