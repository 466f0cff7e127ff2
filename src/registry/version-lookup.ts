/**
 * Finding what a request names: domain -> API -> version (`latest` resolves to
 * the highest published or deprecated one), with 404 problems for each miss.
 * Shared by the read, lifecycle and changelog services.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainsService } from './domains.service';
import type { ApiEntity, ApiVersionEntity, DomainEntity } from './entities';
import { apiNotFound, versionNotFound } from './registry.errors';
import { VersionsRepository } from './versions.repository';

@Injectable()
export class VersionLookup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: VersionsRepository,
    private readonly domains: DomainsService,
  ) {}

  async requireApi(manager: EntityManager, domainKey: string, apiKey: string): Promise<{ domain: DomainEntity; api: ApiEntity }> {
    const domain = await this.domains.require(manager, domainKey);
    const api = await this.versions.findApi(manager, domain.id, apiKey);
    if (!api) {
      throw apiNotFound(domainKey, apiKey);
    }
    return { domain, api };
  }

  async requireVersion(domainKey: string, apiKey: string, version: string, withContent: boolean) {
    const manager = this.dataSource.manager;
    const { domain, api } = await this.requireApi(manager, domainKey, apiKey);
    const row = await this.resolveVersion(manager, domain, api, version, withContent);
    return { domain, api, row };
  }

  /** Two versions of one API (for a changelog): the API is looked up once, then `from`, then `to`. */
  async requireVersions(domainKey: string, apiKey: string, from: string, to: string, withContent: boolean) {
    const manager = this.dataSource.manager;
    const { domain, api } = await this.requireApi(manager, domainKey, apiKey);
    const base = await this.resolveVersion(manager, domain, api, from, withContent);
    const head = await this.resolveVersion(manager, domain, api, to, withContent);
    return { domain, api, base, head };
  }

  /** `latest` names the highest published or deprecated version. */
  async resolveVersion(
    manager: EntityManager,
    domain: DomainEntity,
    api: ApiEntity,
    version: string,
    withContent: boolean,
  ): Promise<ApiVersionEntity> {
    let name = version;
    if (version === 'latest') {
      const latest = (await this.versions.latestByApi(manager, [api.id])).get(api.id);
      if (!latest) {
        throw versionNotFound(domain.key, api.key, version);
      }
      name = latest.version;
    }
    const row = withContent
      ? await this.versions.findVersionWithContent(manager, api.id, name)
      : await this.versions.findVersion(manager, api.id, name);
    if (!row) {
      throw versionNotFound(domain.key, api.key, version);
    }
    return row;
  }
}
