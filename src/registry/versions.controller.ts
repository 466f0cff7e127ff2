import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, RequireRole } from '../platform/auth/auth.decorators';
import type { Principal } from '../platform/auth/principal';
import { ApiProblems, ApiRegistryController } from '../platform/openapi/openapi.decorators';
import { CharterError } from '../platform/problems/charter.error';
import { ChangeLifecycleDto, ChangelogResponse, VersionResponse } from './dto/version.dto';
import { ApiPageQuery, ApiPageResponse } from './dto/page.dto';
import { LIFECYCLES, type Lifecycle } from './entities/api-version.entity';
import { IDEMPOTENCY_PROBLEMS, Idempotent } from './idempotency.interceptor';
import { type Page, pageRequest } from './pagination';
import { ChangelogService } from './changelog.service';
import { VersionLifecycleService } from './version-lifecycle.service';
import { VersionsService } from './versions.service';

const BASE = 'api/domains/:domain/apis/:api/versions';

@ApiRegistryController('versions')
@Controller()
export class VersionsController {
  constructor(
    private readonly versions: VersionsService,
    private readonly lifecycle: VersionLifecycleService,
    private readonly changelogs: ChangelogService,
  ) {}

  @Post(BASE)
  @RequireRole('publisher')
  @ApiOperation({
    summary: 'Publish a version (raw OpenAPI/AsyncAPI document as the body)',
    description:
      'The version is the document\'s info.version. The document is validated, bundled and run through the publish ' +
      'gates (policies, governance lint, compatibility and semver against the versions before it) in one audited ' +
      'transaction. Publishing the same bytes again answers 200: a retry never publishes twice.',
    operationId: 'publishVersion',
  })
  @ApiConsumes('application/yaml', 'application/json')
  @ApiBody({ required: true, description: 'The contract document: OpenAPI 3.0/3.1 or AsyncAPI 2.x/3.x, kept byte for byte', schema: {} })
  @ApiQuery({
    name: 'draft',
    required: false,
    description: 'Store as a draft: not served by the gateway, replaceable with other content until it is published.',
    schema: { type: 'boolean', default: false },
  })
  @Idempotent()
  @ApiCreatedResponse({ description: 'New version published', type: VersionResponse })
  @ApiOkResponse({ description: 'The same document was already published', type: VersionResponse })
  @ApiProblems(
    'MALFORMED_REQUEST',
    'DOMAIN_NOT_FOUND',
    'VERSION_CONFLICT',
    'KIND_CONFLICT',
    'BREAKING_CHANGE',
    'SEMVER_VIOLATION',
    'PAYLOAD_TOO_LARGE',
    'UNSUPPORTED_MEDIA_TYPE',
    'INVALID_CONTRACT',
    'GOVERNANCE_VIOLATION',
    ...IDEMPOTENCY_PROBLEMS,
  )
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
  @ApiOperation({ summary: 'List the versions of an API, highest first', description: 'Every version of one API with its lifecycle and dates.', operationId: 'listVersions' })
  @ApiQuery({
    name: 'lifecycle',
    required: false,
    description: 'Only versions in these lifecycles, comma-separated.',
    style: 'form',
    explode: false,
    schema: { type: 'array', items: { type: 'string', enum: [...LIFECYCLES] } },
  })
  @ApiPageQuery()
  @ApiPageResponse(VersionResponse, 'A page of versions')
  @ApiProblems('MALFORMED_REQUEST', 'DOMAIN_NOT_FOUND', 'API_NOT_FOUND')
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
  @ApiOperation({
    summary: 'Get a version (or `latest`)',
    description: 'The metadata of one version; `latest` is the highest published or deprecated version.',
    operationId: 'getVersion',
  })
  @ApiOkResponse({ description: 'The version', type: VersionResponse })
  @ApiProblems('DOMAIN_NOT_FOUND', 'API_NOT_FOUND', 'VERSION_NOT_FOUND')
  get(@Param('domain') domain: string, @Param('api') api: string, @Param('version') version: string): Promise<VersionResponse> {
    return this.versions.get(domain, api, version);
  }

  @Get(`${BASE}/:version/document`)
  @RequireRole('reader')
  @ApiOperation({
    summary: 'The document of a version, as published or as YAML/JSON per Accept',
    description:
      'Without an Accept header (or with */*), the bytes as published; `Accept: application/yaml` or `application/json` ' +
      'converts. Multi-file contracts are served bundled into one self-contained document.',
    operationId: 'getVersionDocument',
  })
  @ApiOkResponse({
    description: 'The contract document; ETag is its digest',
    headers: { ETag: { description: 'the version digest, quoted', schema: { type: 'string' } } },
    content: {
      'application/yaml': { schema: { type: 'string' } },
      'application/json': { schema: { type: 'object', additionalProperties: true } },
    },
  })
  @ApiProblems('DOMAIN_NOT_FOUND', 'API_NOT_FOUND', 'VERSION_NOT_FOUND', 'NOT_ACCEPTABLE')
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
  @ApiOperation({
    summary: 'Classified changes between two versions',
    description: 'The compatibility engine\'s changes from one version to another, each with its rule, level and location.',
    operationId: 'getChangelog',
  })
  @ApiQuery({ name: 'from', required: true, description: 'The older version, or `latest`.', schema: { type: 'string' } })
  @ApiQuery({ name: 'to', required: true, description: 'The newer version, or `latest`.', schema: { type: 'string' } })
  @ApiOkResponse({ description: 'The changes', type: ChangelogResponse })
  @ApiProblems('MALFORMED_REQUEST', 'DOMAIN_NOT_FOUND', 'API_NOT_FOUND', 'VERSION_NOT_FOUND')
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
  @ApiOperation({
    summary: 'Move a version through its lifecycle (publish a draft, deprecate, retire)',
    description:
      'draft -> published -> deprecated -> retired, and deprecated back to published. Gateways pick the change up ' +
      'within a second; deprecated versions answer with Deprecation and Sunset headers.',
    operationId: 'changeLifecycle',
  })
  @ApiOkResponse({ description: 'The version in its new lifecycle', type: VersionResponse })
  @ApiProblems('MALFORMED_REQUEST', 'DOMAIN_NOT_FOUND', 'API_NOT_FOUND', 'VERSION_NOT_FOUND', 'INVALID_LIFECYCLE_TRANSITION')
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
