/**
 * APIs and their versions: the only place these rows are read or written.
 * Heavy columns (raw, document) are selected only by the calls that need them.
 */
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ApiEntity, ApiVersionEntity, DomainEntity } from './entities';
import type { Lifecycle } from './entities/api-version.entity';
import { escapeLike } from './domains.repository';
import type { PageRequest } from './pagination';

export interface ApiFilter {
  domainId?: string;
  q?: string;
  kind?: string;
}

export interface ApiWithLatest {
  api: ApiEntity;
  domainKey: string;
  latest: ApiVersionEntity | null;
}

const SEMVER_ORDER = { major: 'DESC', minor: 'DESC', patch: 'DESC', createdAt: 'DESC' } as const;

@Injectable()
export class VersionsRepository {
  findApi(manager: EntityManager, domainId: string, key: string): Promise<ApiEntity | null> {
    return manager.findOneBy(ApiEntity, { domainId, key });
  }

  async createApi(manager: EntityManager, api: Partial<ApiEntity>): Promise<ApiEntity> {
    return manager.save(ApiEntity, manager.create(ApiEntity, api));
  }

  async listApis(manager: EntityManager, filter: ApiFilter, page: PageRequest): Promise<[ApiWithLatest[], number]> {
    const qb = manager
      .createQueryBuilder(ApiEntity, 'api')
      .innerJoin(DomainEntity, 'domain', 'domain.id = api.domain_id')
      .addSelect('domain.key', 'domain_key')
      .orderBy('domain.key', 'ASC')
      .addOrderBy('api.key', 'ASC')
      .offset(page.offset)
      .limit(page.limit);
    if (filter.domainId) {
      qb.andWhere('api.domain_id = :domainId', { domainId: filter.domainId });
    }
    if (filter.kind) {
      qb.andWhere('api.kind = :kind', { kind: filter.kind });
    }
    if (filter.q) {
      qb.andWhere(`(api.key ILIKE :q OR api.title ILIKE :q OR api.description ILIKE :q OR domain.key ILIKE :q)`, {
        q: `%${escapeLike(filter.q)}%`,
      });
    }
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    const domainKeyById = new Map<string, string>();
    raw.forEach((row: { api_id: string; domain_key: string }) => domainKeyById.set(row.api_id, row.domain_key));
    const latest = await this.latestByApi(
      manager,
      entities.map((a) => a.id),
    );
    return [entities.map((api) => ({ api, domainKey: domainKeyById.get(api.id) ?? '', latest: latest.get(api.id) ?? null })), total];
  }

  /** Highest non-draft, non-retired version of each API (semver order). */
  async latestByApi(manager: EntityManager, apiIds: string[]): Promise<Map<string, ApiVersionEntity>> {
    if (apiIds.length === 0) {
      return new Map();
    }
    const rows = await manager.find(ApiVersionEntity, {
      where: { apiId: In(apiIds), lifecycle: In(['published', 'deprecated']) },
      order: SEMVER_ORDER,
    });
    const byApi = new Map<string, ApiVersionEntity>();
    for (const row of rows) {
      if (!byApi.has(row.apiId)) {
        byApi.set(row.apiId, row);
      }
    }
    return byApi;
  }

  findVersion(manager: EntityManager, apiId: string, version: string): Promise<ApiVersionEntity | null> {
    return manager.findOneBy(ApiVersionEntity, { apiId, version });
  }

  /** The version with its stored content (raw bytes and normalized document). */
  findVersionWithContent(manager: EntityManager, apiId: string, version: string): Promise<ApiVersionEntity | null> {
    return manager
      .createQueryBuilder(ApiVersionEntity, 'v')
      .addSelect(['v.raw', 'v.document'])
      .where('v.api_id = :apiId AND v.version = :version', { apiId, version })
      .getOne();
  }

  async listVersions(
    manager: EntityManager,
    apiId: string,
    lifecycle: Lifecycle[] | undefined,
    page: PageRequest,
  ): Promise<[ApiVersionEntity[], number]> {
    return manager.findAndCount(ApiVersionEntity, {
      where: lifecycle ? { apiId, lifecycle: In(lifecycle) } : { apiId },
      order: SEMVER_ORDER,
      skip: page.offset,
      take: page.limit,
    });
  }

  /** Every published or deprecated version of one major, with documents: the base for compatibility checks. */
  listLiveWithDocuments(manager: EntityManager, apiId: string): Promise<ApiVersionEntity[]> {
    return manager
      .createQueryBuilder(ApiVersionEntity, 'v')
      .addSelect('v.document')
      .where(`v.api_id = :apiId AND v.lifecycle IN ('published', 'deprecated')`, { apiId })
      .orderBy('v.major', 'DESC')
      .addOrderBy('v.minor', 'DESC')
      .addOrderBy('v.patch', 'DESC')
      .getMany();
  }

  /** All live OpenAPI/AsyncAPI versions with documents and their domain: the gateway's route table input. */
  async listAllLive(manager: EntityManager): Promise<Array<ApiVersionEntity & { api: ApiEntity & { domain: DomainEntity } }>> {
    const rows = await manager
      .createQueryBuilder(ApiVersionEntity, 'v')
      .addSelect('v.document')
      .innerJoinAndSelect('v.api', 'api')
      .innerJoinAndSelect('api.domain', 'domain')
      .where(`v.lifecycle IN ('published', 'deprecated')`)
      .getMany();
    return rows as Array<ApiVersionEntity & { api: ApiEntity & { domain: DomainEntity } }>;
  }

  insertVersion(manager: EntityManager, version: Partial<ApiVersionEntity>): Promise<ApiVersionEntity> {
    return manager.save(ApiVersionEntity, manager.create(ApiVersionEntity, version));
  }

  async updateVersion(manager: EntityManager, id: string, patch: Partial<ApiVersionEntity>): Promise<void> {
    await manager.update(ApiVersionEntity, { id }, patch as QueryDeepPartialEntity<ApiVersionEntity>);
  }
}
