/**
 * What the gateway needs from the registry, as plain data: every live version
 * (with its bundled document and digest), each domain's upstream and auth, and
 * the API keys in force. The gateway never touches registry tables itself.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConsumerKeyInput, DomainInput, PublishedApiInput } from '../gateway/route-table.input';
import { ConsumersRepository } from './consumers.repository';
import { DomainEntity } from './entities';
import { type UsageDelta, UsageRepository } from './usage.repository';
import { VersionsRepository } from './versions.repository';

export interface RegistrySnapshot {
  apis: PublishedApiInput[];
  domains: DomainInput[];
  consumers: ConsumerKeyInput[];
}

@Injectable()
export class RegistryFeed {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: VersionsRepository,
    private readonly consumers: ConsumersRepository,
    private readonly usage: UsageRepository,
  ) {}

  async snapshot(): Promise<RegistrySnapshot> {
    const manager = this.dataSource.manager;
    const [rows, domains, keys] = await Promise.all([
      this.versions.listAllLive(manager),
      manager.find(DomainEntity),
      this.consumers.activeKeys(manager),
    ]);
    return {
      apis: rows.map((v) => ({
        domain: v.api.domain.key,
        api: v.api.key,
        version: v.version,
        major: v.major,
        kind: v.api.kind,
        lifecycle: v.lifecycle as 'published' | 'deprecated',
        ...(v.deprecatedAt ? { deprecatedAt: v.deprecatedAt } : {}),
        ...(v.sunsetAt ? { sunsetAt: v.sunsetAt } : {}),
        document: v.document,
        digest: v.digest,
      })),
      domains: domains.map((d) => {
        const settings = d.settings as Pick<DomainInput, 'auth' | 'correlation'>;
        return {
          key: d.key,
          ...(d.upstream ? { upstream: d.upstream } : {}),
          ...(settings.auth ? { auth: settings.auth } : {}),
          ...(settings.correlation ? { correlation: settings.correlation } : {}),
        };
      }),
      consumers: keys.map((k) => ({ consumerId: k.consumer.key, name: k.consumer.name, keyHash: k.keyHash, scopes: k.scopes })),
    };
  }

  recordUsage(deltas: UsageDelta[]): Promise<void> {
    return this.usage.add(this.dataSource.manager, deltas);
  }
}
