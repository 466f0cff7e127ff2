import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../platform/auth/principal';
import { AuditRepository } from './audit.repository';
import { DomainsRepository } from './domains.repository';
import type { DomainResponse, UpsertDomainDto } from './dto/domain.dto';
import type { DomainEntity } from './entities';
import { type Page, type PageRequest, toPage } from './pagination';
import { REGISTRY_CHANNEL, RegistryEvents } from './registry.events';
import { domainNotFound } from './registry.errors';
import { toDomainResponse } from './registry.mapper';

@Injectable()
export class DomainsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly domains: DomainsRepository,
    private readonly audit: AuditRepository,
    private readonly events: RegistryEvents,
  ) {}

  async list(q: string | undefined, page: PageRequest): Promise<Page<DomainResponse>> {
    const [rows, total] = await this.domains.list(this.dataSource.manager, q, page);
    return toPage(rows.map(toDomainResponse), total, page);
  }

  async get(key: string): Promise<DomainResponse> {
    return toDomainResponse(await this.require(this.dataSource.manager, key));
  }

  async require(manager: EntityManager, key: string): Promise<DomainEntity> {
    const domain = await this.domains.findByKey(manager, key);
    if (!domain) {
      throw domainNotFound(key);
    }
    return domain;
  }

  /** Creates or replaces a domain's settings (domain.yaml as JSON); audited. */
  async upsert(key: string, dto: UpsertDomainDto, actor: Principal): Promise<{ domain: DomainResponse; created: boolean }> {
    const result = await this.dataSource.transaction(async (manager) => {
      const existing = await this.domains.findByKey(manager, key);
      const saved = await this.domains.save(manager, {
        ...(existing ?? {}),
        key,
        name: dto.name,
        description: dto.description ?? null,
        owners: dto.owners,
        compatibility: dto.compatibility ?? 'BACKWARD',
        upstream: dto.upstream ?? null,
        settings: dto.settings ?? {},
      });
      await this.audit.append(manager, {
        actor: actor.subject,
        action: existing ? 'domain.updated' : 'domain.created',
        targetType: 'domain',
        target: key,
        details: { name: dto.name, owners: dto.owners, compatibility: saved.compatibility, upstream: saved.upstream },
      });
      await manager.query('SELECT pg_notify($1, $2)', [REGISTRY_CHANNEL, JSON.stringify({ action: 'domain.upserted', domain: key })]);
      return { domain: toDomainResponse(saved), created: !existing };
    });
    this.events.emit({ action: 'domain.upserted', domain: key });
    return result;
  }

  count(): Promise<number> {
    return this.domains.count(this.dataSource.manager);
  }
}
