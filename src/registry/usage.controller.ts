import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { RequireRole } from '../platform/auth/auth.decorators';
import { CharterError } from '../platform/problems/charter.error';
import { DomainsService } from './domains.service';
import { UsageRepository } from './usage.repository';

@ApiTags('usage')
@ApiBearerAuth()
@Controller('api/domains/:domain/apis/:api/usage')
export class UsageController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly domains: DomainsService,
    private readonly usage: UsageRepository,
  ) {}

  @Get()
  @RequireRole('reader')
  @ApiOperation({ summary: 'Gateway traffic per operation and consumer: who a change would affect', operationId: 'getApiUsage' })
  async get(
    @Param('domain') domain: string,
    @Param('api') api: string,
    @Query('major') major?: string,
    @Query('days') days = '30',
  ): Promise<object> {
    await this.domains.require(this.dataSource.manager, domain);
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 366) {
      throw new CharterError('MALFORMED_REQUEST', 'days must be an integer between 1 and 366.');
    }
    if (major !== undefined && !/^\d{1,6}$/.test(major)) {
      throw new CharterError('MALFORMED_REQUEST', 'major must be a non-negative integer.');
    }
    const since = new Date(Date.now() - (n - 1) * 86_400_000).toISOString().slice(0, 10);
    const items = await this.usage.summary(this.dataSource.manager, { domain, api, major: major === undefined ? undefined : Number(major), since });
    return { domain, api, since, items };
  }
}
