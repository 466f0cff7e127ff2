import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireRole } from '../platform/auth/auth.decorators';
import type { Principal } from '../platform/auth/principal';
import { ConsumersService } from './consumers.service';
import { type ConsumerResponse, CreateApiKeyDto, CreateConsumerDto, type CreatedApiKeyResponse } from './dto/consumer.dto';
import { type Page, pageRequest } from './pagination';

@ApiTags('consumers')
@ApiBearerAuth()
@Controller('api/consumers')
export class ConsumersController {
  constructor(private readonly consumers: ConsumersService) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: 'List gateway consumers and their keys (hashes are never shown)', operationId: 'listConsumers' })
  list(@Query('limit') limit?: string, @Query('cursor') cursor?: string): Promise<Page<ConsumerResponse>> {
    return this.consumers.list(pageRequest(limit, cursor));
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Register a gateway consumer', operationId: 'createConsumer' })
  create(@Body() dto: CreateConsumerDto, @CurrentPrincipal() principal: Principal): Promise<ConsumerResponse> {
    return this.consumers.create(dto, principal);
  }

  @Post(':consumer/api-keys')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Issue an API key (returned once; only its hash is stored)', operationId: 'issueApiKey' })
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
  @ApiOperation({ summary: 'Revoke an API key', operationId: 'revokeApiKey' })
  async revokeKey(@Param('consumer') consumer: string, @Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.consumers.revokeKey(consumer, id, principal);
  }
}
