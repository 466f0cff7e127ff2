import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateConsumerDto {
  @ApiProperty({ example: 'carrier-portal', description: 'kebab-case key' })
  @Matches(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { message: 'key must be kebab-case, e.g. "carrier-portal"' })
  @MaxLength(64)
  key!: string;

  @ApiProperty({ example: 'Carrier portal' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'carrier-portal@meridian-logistics.example' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string;
}

export class CreateApiKeyDto {
  @ApiPropertyOptional({ example: ['shipments:read'], description: 'scopes this key grants at the gateway' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  scopes?: string[];
}

export class ApiKeyResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'first characters of the key, to recognize it' }) prefix!: string;
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) revokedAt!: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'the key itself: shown once, only its hash is stored' }) apiKey!: string;
}

export class ConsumerResponse {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) contact!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [ApiKeyResponse] }) apiKeys!: ApiKeyResponse[];
}

export class ConsumerUsageItem {
  @ApiProperty({ example: 'dispatch' }) domain!: string;
  @ApiProperty({ example: 'shipments' }) api!: string;
  @ApiProperty({ type: 'integer', example: 1 }) major!: number;
  @ApiProperty({ description: 'operationId of the contract', example: 'listShipments' }) operation!: string;
  @ApiProperty({ type: 'integer' }) requests!: number;
  @ApiProperty({ type: 'integer', description: 'answers with a 4xx or 5xx status' }) errors!: number;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
}

export class ConsumerUsageResponse {
  @ApiProperty({ example: 'carrier-portal' }) consumer!: string;
  @ApiProperty({ format: 'date', description: 'first day (UTC) counted', example: '2026-01-01' }) since!: string;
  @ApiProperty({ type: [ConsumerUsageItem] }) items!: ConsumerUsageItem[];
}
