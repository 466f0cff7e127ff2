/** Storage rows -> API shapes (entities never leave the registry as they are). */
import type { DomainResponse } from './dto/domain.dto';
import type { VersionResponse } from './dto/version.dto';
import type { ApiEntity, ApiVersionEntity, DomainEntity } from './entities';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toDomainResponse(d: DomainEntity): DomainResponse {
  return {
    key: d.key,
    name: d.name,
    description: d.description,
    owners: d.owners,
    compatibility: d.compatibility,
    upstream: d.upstream,
    settings: d.settings,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toVersionResponse(domain: string, api: ApiEntity, v: ApiVersionEntity): VersionResponse {
  return {
    domain,
    api: api.key,
    version: v.version,
    kind: api.kind,
    specVersion: v.specVersion,
    title: v.title,
    lifecycle: v.lifecycle,
    digest: v.digest,
    format: v.rawFormat,
    publishedBy: v.publishedBy,
    createdAt: v.createdAt.toISOString(),
    publishedAt: iso(v.publishedAt),
    deprecatedAt: iso(v.deprecatedAt),
    sunsetAt: iso(v.sunsetAt),
    retiredAt: iso(v.retiredAt),
    changelog: v.changelog,
  };
}
