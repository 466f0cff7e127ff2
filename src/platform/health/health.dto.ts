import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DatabaseCheck {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiProperty({ enum: ['postgres', 'pglite'] }) engine!: string;
  @ApiPropertyOptional({ type: 'integer', description: 'time the readiness query took' }) latencyMs?: number;
}

export class HealthChecks {
  @ApiProperty() live!: boolean;
  @ApiProperty({ type: DatabaseCheck }) database!: DatabaseCheck;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty({ enum: ['all', 'control', 'gateway'], description: 'CHARTER_ROLE of this process' }) role!: string;
  @ApiProperty({ type: HealthChecks }) checks!: HealthChecks;
}

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: string;
}
