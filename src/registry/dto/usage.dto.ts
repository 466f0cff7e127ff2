import { ApiProperty } from '@nestjs/swagger';

export class ApiUsageItem {
  @ApiProperty({ type: 'integer', example: 1 }) major!: number;
  @ApiProperty({ description: 'operationId of the contract', example: 'listShipments' }) operation!: string;
  @ApiProperty({ description: 'consumer key, token client id, or `anonymous`', example: 'carrier-portal' }) consumer!: string;
  @ApiProperty({ type: 'integer' }) requests!: number;
  @ApiProperty({ type: 'integer', description: 'answers with a 4xx or 5xx status' }) errors!: number;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
}

export class ApiUsageResponse {
  @ApiProperty({ example: 'dispatch' }) domain!: string;
  @ApiProperty({ example: 'shipments' }) api!: string;
  @ApiProperty({ format: 'date', description: 'first day (UTC) counted', example: '2026-01-01' }) since!: string;
  @ApiProperty({ type: [ApiUsageItem] }) items!: ApiUsageItem[];
}
