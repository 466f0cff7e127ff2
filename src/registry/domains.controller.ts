import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireRole } from '../platform/auth/auth.decorators';
import type { Principal } from '../platform/auth/principal';
import { ApiProblems, ApiRegistryController } from '../platform/openapi/openapi.decorators';
import { CharterError } from '../platform/problems/charter.error';
import { ApisService } from './apis.service';
import { DOMAIN_KEY_PATTERN, DomainResponse, UpsertDomainDto } from './dto/domain.dto';
import { ApiPageQuery, ApiPageResponse } from './dto/page.dto';
import { DomainsService } from './domains.service';
import { type Page, pageRequest } from './pagination';
import { ApiSummaryResponse } from './dto/version.dto';
import { API_KINDS } from './entities/api.entity';

const ApiKindQuery = () =>
  ApiQuery({ name: 'kind', required: false, description: 'Only APIs of this kind.', schema: { type: 'string', enum: [...API_KINDS] } });
const ApiSearchQuery = (what: string) =>
  ApiQuery({ name: 'q', required: false, description: `Text to find (case-insensitive) in ${what}.`, schema: { type: 'string' } });

@ApiRegistryController('domains')
@Controller('api')
export class DomainsController {
  constructor(
    private readonly domains: DomainsService,
    private readonly apis: ApisService,
  ) {}

  @Get('domains')
  @RequireRole('reader')
  @ApiOperation({ summary: 'List domains', description: 'Every domain of the registry, by key.', operationId: 'listDomains' })
  @ApiSearchQuery('the key or name')
  @ApiPageQuery()
  @ApiPageResponse(DomainResponse, 'A page of domains')
  @ApiProblems('MALFORMED_REQUEST')
  list(@Query('q') q?: string, @Query('limit') limit?: string, @Query('cursor') cursor?: string): Promise<Page<DomainResponse>> {
    return this.domains.list(q, pageRequest(limit, cursor));
  }

  @Get('domains/:domain')
  @RequireRole('reader')
  @ApiOperation({ summary: 'Get a domain', description: 'A domain with its owners, upstream, compatibility mode and settings.', operationId: 'getDomain' })
  @ApiOkResponse({ description: 'The domain', type: DomainResponse })
  @ApiProblems('DOMAIN_NOT_FOUND')
  get(@Param('domain') domain: string): Promise<DomainResponse> {
    return this.domains.get(domain);
  }

  @Put('domains/:domain')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Create or update a domain (the content of its domain.yaml)',
    description: 'Creates the domain (201) or replaces its settings (200). Admins only; the change is audited.',
    operationId: 'upsertDomain',
  })
  @ApiOkResponse({ description: 'The domain was updated', type: DomainResponse })
  @ApiCreatedResponse({ description: 'The domain was created', type: DomainResponse })
  @ApiProblems('MALFORMED_REQUEST')
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
  @ApiOperation({ summary: 'List the APIs of a domain', description: 'The APIs of one domain, each with its latest version.', operationId: 'listDomainApis' })
  @ApiSearchQuery('the API key, title or description, or the domain key')
  @ApiKindQuery()
  @ApiPageQuery()
  @ApiPageResponse(ApiSummaryResponse, 'A page of APIs')
  @ApiProblems('MALFORMED_REQUEST', 'DOMAIN_NOT_FOUND')
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
  @ApiOperation({
    summary: 'Search the catalogue of APIs across domains',
    description: 'What the portal catalog shows: APIs of every domain, optionally filtered, each with its latest version.',
    operationId: 'searchApis',
  })
  @ApiSearchQuery('the API key, title or description, or the domain key')
  @ApiKindQuery()
  @ApiQuery({ name: 'domain', required: false, description: 'Only APIs of this domain.', schema: { type: 'string' } })
  @ApiPageQuery()
  @ApiPageResponse(ApiSummaryResponse, 'A page of APIs')
  @ApiProblems('MALFORMED_REQUEST')
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
