import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, RequireRole } from '../platform/auth/auth.decorators';
import type { Principal } from '../platform/auth/principal';
import { ApiProblems, ApiRegistryController } from '../platform/openapi/openapi.decorators';
import { ConsumersService } from './consumers.service';
import { IDEMPOTENCY_PROBLEMS, Idempotent } from './idempotency.interceptor';
import { ConsumerResponse, ConsumerUsageResponse, CreateApiKeyDto, CreateConsumerDto, CreatedApiKeyResponse } from './dto/consumer.dto';
import { ApiPageQuery, ApiPageResponse } from './dto/page.dto';
import { type Page, pageRequest } from './pagination';
import { ApiDaysQuery, DEFAULT_DAYS, usageSince } from './usage-period';

@ApiRegistryController('consumers')
@Controller('api/consumers')
export class ConsumersController {
  constructor(private readonly consumers: ConsumersService) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({
    summary: 'List gateway consumers and their keys (hashes are never shown)',
    description: 'The registered consumers of the gateway, by key, each with its API keys.',
    operationId: 'listConsumers',
  })
  @ApiPageQuery()
  @ApiPageResponse(ConsumerResponse, 'A page of consumers')
  @ApiProblems('MALFORMED_REQUEST')
  list(@Query('limit') limit?: string, @Query('cursor') cursor?: string): Promise<Page<ConsumerResponse>> {
    return this.consumers.list(pageRequest(limit, cursor));
  }

  @Get(':consumer')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Get a gateway consumer',
    description: 'One consumer with its API keys: prefix, scopes, created and revoked times (hashes are never shown).',
    operationId: 'getConsumer',
  })
  @ApiOkResponse({ description: 'The consumer and its keys', type: ConsumerResponse })
  @ApiProblems('NOT_FOUND')
  get(@Param('consumer') consumer: string): Promise<ConsumerResponse> {
    return this.consumers.get(consumer);
  }

  @Get(':consumer/usage')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Get the gateway usage of a consumer',
    description: 'What one consumer called through the gateway, per API major and operation: the APIs it depends on.',
    operationId: 'getConsumerUsage',
  })
  @ApiDaysQuery('Period in days, counted back from today (UTC).')
  @ApiOkResponse({ description: 'Totals per API major and operation', type: ConsumerUsageResponse })
  @ApiProblems('NOT_FOUND', 'MALFORMED_REQUEST')
  usage(@Param('consumer') consumer: string, @Query('days') days = String(DEFAULT_DAYS)): Promise<ConsumerUsageResponse> {
    return this.consumers.usageOf(consumer, usageSince(days, Date.now()));
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Register a gateway consumer',
    description: 'A client application of the gateway, identified by its kebab-case key; issue it API keys next.',
    operationId: 'createConsumer',
  })
  @Idempotent()
  @ApiCreatedResponse({ description: 'The consumer, with no keys yet', type: ConsumerResponse })
  @ApiProblems('MALFORMED_REQUEST', 'ALREADY_EXISTS', ...IDEMPOTENCY_PROBLEMS)
  create(@Body() dto: CreateConsumerDto, @CurrentPrincipal() principal: Principal): Promise<ConsumerResponse> {
    return this.consumers.create(dto, principal);
  }

  @Post(':consumer/api-keys')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Issue an API key (returned once; only its hash is stored)',
    description: 'A new key for the consumer with the scopes it grants at the gateway; gateways accept it within a second.',
    operationId: 'issueApiKey',
  })
  @Idempotent()
  @ApiCreatedResponse({ description: 'The key, shown this once (and to retries with the same Idempotency-Key)', type: CreatedApiKeyResponse })
  @ApiProblems('MALFORMED_REQUEST', 'NOT_FOUND', ...IDEMPOTENCY_PROBLEMS)
  issueKey(
    @Param('consumer') consumer: string,
    @Body() dto: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKeyResponse> {
    return this.consumers.issueKey(consumer, dto.scopes ?? [], principal);
  }

  @Delete(':consumer/api-keys/:id')
  @RequireRole('admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API key',
    description: 'The key stops working at the gateways within a second; it stays listed with its revocation time.',
    operationId: 'revokeApiKey',
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems('NOT_FOUND')
  async revokeKey(@Param('consumer') consumer: string, @Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.consumers.revokeKey(consumer, id, principal);
  }
}
