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

export class ConsumerResponse {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) contact!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) apiKeys!: ApiKeyResponse[];
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
