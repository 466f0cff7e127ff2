import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireRole } from '../platform/auth/auth.decorators';
import type { Principal } from '../platform/auth/principal';
import { CharterError } from '../platform/problems/charter.error';
import { ChangeLifecycleDto, ChangelogResponse, VersionResponse } from './dto/version.dto';
import { LIFECYCLES, type Lifecycle } from './entities/api-version.entity';
import { type Page, pageRequest } from './pagination';
import { ChangelogService } from './changelog.service';
import { VersionLifecycleService } from './version-lifecycle.service';
import { VersionsService } from './versions.service';

const BASE = 'api/domains/:domain/apis/:api/versions';

@ApiTags('versions')
@ApiBearerAuth()
@Controller()
export class VersionsController {
  constructor(
    private readonly versions: VersionsService,
    private readonly lifecycle: VersionLifecycleService,
    private readonly changelogs: ChangelogService,
  ) {}

  @Post(BASE)
  @RequireRole('publisher')
  @ApiOperation({ summary: 'Publish a version (raw OpenAPI/AsyncAPI document as the body)', operationId: 'publishVersion' })
  @ApiConsumes('application/yaml', 'application/json')
  @ApiBody({ schema: { type: 'string', description: 'The contract document' } })
  @ApiResponse({ status: 201, description: 'New version published', type: VersionResponse })
  @ApiResponse({ status: 200, description: 'The same document was already published', type: VersionResponse })
  @ApiResponse({ status: 409, description: 'Version exists with other content, or the change breaks the rules' })
  @ApiResponse({ status: 422, description: 'Invalid contract' })
  async publish(
    @Param('domain') domain: string,
    @Param('api') api: string,
    @Body() body: unknown,
    @Query('draft') draft: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VersionResponse> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new CharterError('MALFORMED_REQUEST', 'The request body must be the contract document (application/yaml or application/json).');
    }
    const outcome = await this.versions.publish({ domain, api, body, draft: draft === 'true' }, principal);
    void reply.status(outcome.created ? 201 : 200);
    return outcome.version;
  }

  @Get(BASE)
  @RequireRole('reader')
  @ApiOperation({ summary: 'List the versions of an API, highest first', operationId: 'listVersions' })
  list(
    @Param('domain') domain: string,
    @Param('api') api: string,
    @Query('lifecycle') lifecycle?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<Page<VersionResponse>> {
    return this.versions.list(domain, api, parseLifecycles(lifecycle), pageRequest(limit, cursor));
  }

  @Get(`${BASE}/:version`)
  @RequireRole('reader')
  @ApiOperation({ summary: 'Get a version (or `latest`)', operationId: 'getVersion' })
  get(@Param('domain') domain: string, @Param('api') api: string, @Param('version') version: string): Promise<VersionResponse> {
    return this.versions.get(domain, api, version);
  }

  @Get(`${BASE}/:version/document`)
  @RequireRole('reader')
  @ApiOperation({ summary: 'The document of a version, as published or as YAML/JSON per Accept', operationId: 'getVersionDocument' })
  async document(
    @Param('domain') domain: string,
    @Param('api') api: string,
    @Param('version') version: string,
    @Headers('accept') accept: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const doc = await this.versions.document(domain, api, version, negotiate(accept));
    void reply
      .header('content-type', doc.format === 'json' ? 'application/json' : 'application/yaml; charset=utf-8')
      .header('etag', `"${doc.digest}"`)
      .send(doc.body);
  }

  @Get('api/domains/:domain/apis/:api/changelog')
  @RequireRole('reader')
  @ApiOperation({ summary: 'Classified changes between two versions (default: the latest against its predecessor)', operationId: 'getChangelog' })
  async changelog(
    @Param('domain') domain: string,
    @Param('api') api: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<ChangelogResponse> {
    if (!from || !to) {
      throw new CharterError('MALFORMED_REQUEST', 'Give both ?from=VERSION and ?to=VERSION (either may be `latest`).');
    }
    return this.changelogs.changelog(domain, api, from, to);
  }

  @Patch(`${BASE}/:version`)
  @RequireRole('publisher')
  @ApiOperation({ summary: 'Move a version through its lifecycle (publish a draft, deprecate, retire)', operationId: 'changeLifecycle' })
  changeLifecycle(
    @Param('domain') domain: string,
    @Param('api') api: string,
    @Param('version') version: string,
    @Body() dto: ChangeLifecycleDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VersionResponse> {
    return this.lifecycle.changeLifecycle(domain, api, version, dto.lifecycle, dto.sunsetAt, principal);
  }
}

function negotiate(accept: string | undefined): 'yaml' | 'json' | 'raw' {
  if (!accept || accept.includes('*/*')) {
    return 'raw';
  }
  if (/application\/json/.test(accept)) {
    return 'json';
  }
  if (/(application|text)\/(x-)?yaml/.test(accept)) {
    return 'yaml';
  }
  throw new CharterError('NOT_ACCEPTABLE', 'The document is available as application/yaml or application/json.');
}

function parseLifecycles(value: string | undefined): Lifecycle[] | undefined {
  if (!value) {
    return undefined;
  }
  const items = value.split(',');
  const unknown = items.filter((i) => !(LIFECYCLES as readonly string[]).includes(i));
  if (unknown.length) {
    throw new CharterError('MALFORMED_REQUEST', `Unknown lifecycle ${unknown.join(', ')}; expected ${LIFECYCLES.join(', ')}.`);
  }
  return items as Lifecycle[];
}
