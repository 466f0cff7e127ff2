import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainsService } from './domains.service';
import type { ApiSummaryResponse } from './dto/version.dto';
import { type Page, type PageRequest, toPage } from './pagination';
import { toVersionResponse } from './registry.mapper';
import { VersionsRepository } from './versions.repository';

/** The catalogue: APIs across domains with their latest live version, searchable. */
@Injectable()
export class ApisService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: VersionsRepository,
    private readonly domains: DomainsService,
  ) {}

  async list(filter: { domain?: string; q?: string; kind?: string }, page: PageRequest): Promise<Page<ApiSummaryResponse>> {
    const manager = this.dataSource.manager;
    const domainId = filter.domain ? (await this.domains.require(manager, filter.domain)).id : undefined;
    const [rows, total] = await this.versions.listApis(manager, { domainId, q: filter.q, kind: filter.kind }, page);
    return toPage(
      rows.map(({ api, domainKey, latest }) => ({
        domain: domainKey,
        api: api.key,
        kind: api.kind,
        title: api.title,
        description: api.description,
        latest: latest ? toVersionResponse(domainKey, api, latest) : null,
      })),
      total,
      page,
    );
  }
}
