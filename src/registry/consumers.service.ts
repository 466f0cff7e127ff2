/**
 * Gateway consumers and their API keys. A key is random, shown once at creation
 * and stored only as its sha256 hash, which is all the gateway compares against.
 */
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../platform/auth/principal';
import { CharterError } from '../platform/problems/charter.error';
import { AuditRepository } from './audit.repository';
import { ConsumersRepository } from './consumers.repository';
import type { ApiKeyResponse, ConsumerResponse, ConsumerUsageResponse, CreateConsumerDto, CreatedApiKeyResponse } from './dto/consumer.dto';
import type { ApiKeyEntity, ConsumerEntity } from './entities';
import { type Page, type PageRequest, toPage } from './pagination';
import { REGISTRY_CHANNEL, RegistryEvents } from './registry.events';
import { UsageRepository } from './usage.repository';

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

const toKeyResponse = (k: ApiKeyEntity): ApiKeyResponse => ({
  id: k.id,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null,
});

const toConsumerResponse = (c: ConsumerEntity, keys: ApiKeyEntity[]): ConsumerResponse => ({
  key: c.key,
  name: c.name,
  contact: c.contact,
  createdAt: c.createdAt.toISOString(),
  apiKeys: keys.filter((k) => k.consumerId === c.id).map(toKeyResponse),
});

@Injectable()
export class ConsumersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consumers: ConsumersRepository,
    private readonly audit: AuditRepository,
    private readonly events: RegistryEvents,
    private readonly usage: UsageRepository,
  ) {}

  async list(page: PageRequest): Promise<Page<ConsumerResponse>> {
    const manager = this.dataSource.manager;
    const [rows, total] = await this.consumers.list(manager, page);
    const keys = await this.consumers.keysOf(manager, rows.map((c) => c.id));
    return toPage(rows.map((c) => toConsumerResponse(c, keys)), total, page);
  }

  async get(consumerKey: string): Promise<ConsumerResponse> {
    const manager = this.dataSource.manager;
    const consumer = await this.requireConsumer(manager, consumerKey);
    return toConsumerResponse(consumer, await this.consumers.keysOf(manager, [consumer.id]));
  }

  /** What a consumer called through the gateway since a day: the APIs it depends on. */
  async usageOf(consumerKey: string, since: string): Promise<ConsumerUsageResponse> {
    const manager = this.dataSource.manager;
    const consumer = await this.requireConsumer(manager, consumerKey);
    return { consumer: consumer.key, since, items: await this.usage.byConsumer(manager, { consumer: consumer.key, since }) };
  }

  async create(dto: CreateConsumerDto, actor: Principal): Promise<ConsumerResponse> {
    return this.write(async (manager) => {
      if (await this.consumers.findByKey(manager, dto.key)) {
        throw new CharterError('ALREADY_EXISTS', `Consumer "${dto.key}" already exists.`);
      }
      const consumer = await this.consumers.create(manager, { key: dto.key, name: dto.name, contact: dto.contact ?? null });
      await this.audit.append(manager, { actor: actor.subject, action: 'consumer.created', targetType: 'consumer', target: dto.key });
      return toConsumerResponse(consumer, []);
    });
  }

  async issueKey(consumerKey: string, scopes: string[], actor: Principal): Promise<CreatedApiKeyResponse> {
    return this.write(async (manager) => {
      const consumer = await this.requireConsumer(manager, consumerKey);
      const apiKey = `chk_${randomBytes(32).toString('base64url')}`;
      const row = await this.consumers.addKey(manager, {
        consumerId: consumer.id,
        keyHash: hashApiKey(apiKey),
        prefix: apiKey.slice(0, 12),
        scopes,
      });
      await this.audit.append(manager, {
        actor: actor.subject,
        action: 'api-key.issued',
        targetType: 'consumer',
        target: consumerKey,
        details: { keyId: row.id, prefix: row.prefix, scopes },
      });
      return { ...toKeyResponse(row), apiKey };
    });
  }

  async revokeKey(consumerKey: string, keyId: string, actor: Principal): Promise<void> {
    await this.write(async (manager) => {
      const consumer = await this.requireConsumer(manager, consumerKey);
      const key = /^[0-9a-f-]{36}$/i.test(keyId) ? await this.consumers.findKey(manager, consumer.id, keyId) : null;
      if (!key) {
        throw new CharterError('NOT_FOUND', `Consumer "${consumerKey}" has no API key ${keyId}.`);
      }
      if (key.revokedAt) {
        return;
      }
      await this.consumers.revokeKey(manager, key.id, new Date());
      await this.audit.append(manager, {
        actor: actor.subject,
        action: 'api-key.revoked',
        targetType: 'consumer',
        target: consumerKey,
        details: { keyId, prefix: key.prefix },
      });
    });
  }

  private async requireConsumer(manager: EntityManager, key: string): Promise<ConsumerEntity> {
    const consumer = await this.consumers.findByKey(manager, key);
    if (!consumer) {
      throw new CharterError('NOT_FOUND', `Consumer "${key}" does not exist.`);
    }
    return consumer;
  }

  /** One audited transaction that tells gateways (here and on other nodes) to reload keys. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work(manager);
      await manager.query('SELECT pg_notify($1, $2)', [REGISTRY_CHANNEL, JSON.stringify({ action: 'consumers.changed', domain: '' })]);
      return value;
    });
    this.events.emit({ action: 'consumers.changed', domain: '' });
    return result;
  }
}
