import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { RequireRole } from '../platform/auth/auth.decorators';
import { ApiProblems, ApiRegistryController } from '../platform/openapi/openapi.decorators';
import { CharterError } from '../platform/problems/charter.error';
import { DomainsService } from './domains.service';
import { ApiUsageResponse } from './dto/usage.dto';
import { ApiDaysQuery, DEFAULT_DAYS, usageSince } from './usage-period';
import { UsageRepository } from './usage.repository';

@ApiRegistryController('usage')
@Controller('api/domains/:domain/apis/:api/usage')
export class UsageController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly domains: DomainsService,
    private readonly usage: UsageRepository,
  ) {}

  @Get()
  @RequireRole('reader')
  @ApiOperation({
    summary: 'Gateway traffic per operation and consumer: who a change would affect',
    description: 'Requests and errors the gateway counted per major version, operation and consumer, summed per day.',
    operationId: 'getApiUsage',
  })
  @ApiQuery({ name: 'major', required: false, description: 'Only this major version.', schema: { type: 'integer', minimum: 0 } })
  @ApiDaysQuery('Period in days, 1 to 366.')
  @ApiOkResponse({ description: 'The counters of the period', type: ApiUsageResponse })
  @ApiProblems('MALFORMED_REQUEST', 'DOMAIN_NOT_FOUND')
  async get(
    @Param('domain') domain: string,
    @Param('api') api: string,
    @Query('major') major?: string,
    @Query('days') days = String(DEFAULT_DAYS),
  ): Promise<object> {
    await this.domains.require(this.dataSource.manager, domain);
    const since = usageSince(days, Date.now());
    if (major !== undefined && !/^\d{1,6}$/.test(major)) {
      throw new CharterError('MALFORMED_REQUEST', 'major must be a non-negative integer.');
    }
    const items = await this.usage.summary(this.dataSource.manager, { domain, api, major: major === undefined ? undefined : Number(major), since });
    return { domain, api, since, items };
  }
}
