import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireRole } from '../platform/auth/auth.decorators';
import type { Principal } from '../platform/auth/principal';
import { CharterError } from '../platform/problems/charter.error';
import { ApisService } from './apis.service';
import { DOMAIN_KEY_PATTERN, type DomainResponse, UpsertDomainDto } from './dto/domain.dto';
import { DomainsService } from './domains.service';
import { type Page, pageRequest } from './pagination';
import type { ApiSummaryResponse } from './dto/version.dto';

@ApiTags('domains')
@ApiBearerAuth()
@Controller('api')
export class DomainsController {
  constructor(
    private readonly domains: DomainsService,
    private readonly apis: ApisService,
  ) {}

  @Get('domains')
  @RequireRole('reader')
  @ApiOperation({ summary: 'List domains', operationId: 'listDomains' })
  list(@Query('q') q?: string, @Query('limit') limit?: string, @Query('cursor') cursor?: string): Promise<Page<DomainResponse>> {
    return this.domains.list(q, pageRequest(limit, cursor));
  }

  @Get('domains/:domain')
  @RequireRole('reader')
  @ApiOperation({ summary: 'Get a domain', operationId: 'getDomain' })
  get(@Param('domain') domain: string): Promise<DomainResponse> {
    return this.domains.get(domain);
  }

  @Put('domains/:domain')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Create or update a domain (the content of its domain.yaml)', operationId: 'upsertDomain' })
  async upsert(
    @Param('domain') key: string,
    @Body() dto: UpsertDomainDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DomainResponse> {
    if (!DOMAIN_KEY_PATTERN.test(key)) {
      throw new CharterError('MALFORMED_REQUEST', `Domain key "${key}" must be kebab-case, e.g. "dispatch".`);
    }
    const { domain, created } = await this.domains.upsert(key, dto, principal);
    void reply.status(created ? 201 : 200);
    return domain;
  }

  @Get('domains/:domain/apis')
  @RequireRole('reader')
  @ApiOperation({ summary: 'List the APIs of a domain', operationId: 'listDomainApis' })
  listApis(
    @Param('domain') domain: string,
    @Query('q') q?: string,
    @Query('kind') kind?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<Page<ApiSummaryResponse>> {
    return this.apis.list({ domain, q, kind }, pageRequest(limit, cursor));
  }

  @Get('apis')
  @RequireRole('reader')
  @ApiOperation({ summary: 'Search the catalogue of APIs across domains', operationId: 'searchApis' })
  search(
    @Query('q') q?: string,
    @Query('kind') kind?: string,
    @Query('domain') domain?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<Page<ApiSummaryResponse>> {
    return this.apis.list({ domain, q, kind }, pageRequest(limit, cursor));
  }
}
