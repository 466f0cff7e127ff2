import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { RequireRole } from '../platform/auth/auth.decorators';
import { ApiProblems, ApiRegistryController } from '../platform/openapi/openapi.decorators';
import { AuditRepository } from './audit.repository';
import { AuditEntryResponse } from './dto/audit.dto';
import { ApiPageQuery, ApiPageResponse } from './dto/page.dto';
import { type Page, pageRequest, toPage } from './pagination';

@ApiRegistryController('audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({
    summary: 'The audit log, newest first',
    description: 'Every registry write (publishes, lifecycle moves, domains, consumers and keys) with who made it; admins only.',
    operationId: 'listAuditEntries',
  })
  @ApiQuery({ name: 'target', required: false, description: 'Only entries about this target, e.g. `dispatch/shipments@1.7.0`.', schema: { type: 'string' } })
  @ApiPageQuery()
  @ApiPageResponse(AuditEntryResponse, 'A page of audit entries')
  @ApiProblems('MALFORMED_REQUEST')
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
