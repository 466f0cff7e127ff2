import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { RequireRole } from '../platform/auth/auth.decorators';
import { AuditRepository } from './audit.repository';
import { type Page, pageRequest, toPage } from './pagination';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: 'The audit log, newest first', operationId: 'listAuditEntries' })
  async list(@Query('target') target?: string, @Query('limit') limit?: string, @Query('cursor') cursor?: string): Promise<Page<object>> {
    const page = pageRequest(limit, cursor);
    const [rows, total] = await this.audit.list(this.dataSource.manager, { target }, page);
    return toPage(
      rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
      total,
      page,
    );
  }
}
