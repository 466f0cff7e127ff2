/**
 * Moving a version through its lifecycle (draft -> published -> deprecated ->
 * retired; deprecated may return to published): one audited transaction that
 * also NOTIFYs the gateways, which add Deprecation and Sunset headers.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canWriteDomain, type Principal } from '../platform/auth/principal';
import { CharterError } from '../platform/problems/charter.error';
import { AuditRepository } from './audit.repository';
import type { VersionResponse } from './dto/version.dto';
import type { ApiVersionEntity } from './entities';
import type { Lifecycle } from './entities/api-version.entity';
import { REGISTRY_CHANNEL, type RegistryChange, RegistryEvents } from './registry.events';
import { cannotWriteDomain } from './registry.errors';
import { toVersionResponse } from './registry.mapper';
import { VersionLookup } from './version-lookup';
import { VersionsRepository } from './versions.repository';

const ALLOWED_TRANSITIONS: Record<Lifecycle, Lifecycle[]> = {
  draft: ['published'],
  published: ['deprecated', 'retired'],
  deprecated: ['published', 'retired'],
  retired: [],
};

@Injectable()
export class VersionLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: VersionsRepository,
    private readonly lookup: VersionLookup,
    private readonly audit: AuditRepository,
    private readonly events: RegistryEvents,
  ) {}

  async changeLifecycle(
    domainKey: string,
    apiKey: string,
    version: string,
    target: Lifecycle,
    sunsetAt: string | undefined,
    actor: Principal,
  ): Promise<VersionResponse> {
    if (!canWriteDomain(actor, domainKey)) {
      throw cannotWriteDomain(domainKey);
    }
    const change: RegistryChange = { action: 'version.lifecycle', domain: domainKey, api: apiKey, version };
    const result = await this.dataSource.transaction(async (manager) => {
      const { domain, api } = await this.lookup.requireApi(manager, domainKey, apiKey);
      const row = await this.lookup.resolveVersion(manager, domain, api, version, false);
      if (!ALLOWED_TRANSITIONS[row.lifecycle].includes(target)) {
        throw new CharterError(
          'INVALID_LIFECYCLE_TRANSITION',
          `A ${row.lifecycle} version cannot become ${target} (allowed: ${ALLOWED_TRANSITIONS[row.lifecycle].join(', ') || 'none'}).`,
        );
      }
      const now = new Date();
      const sunset = sunsetAt ? new Date(sunsetAt) : null;
      const patch: Partial<ApiVersionEntity> = { lifecycle: target };
      if (target === 'published') {
        Object.assign(patch, { publishedAt: row.publishedAt ?? now, deprecatedAt: null, sunsetAt: null });
      }
      if (target === 'deprecated') {
        Object.assign(patch, { deprecatedAt: now, sunsetAt: sunset });
      }
      if (target === 'retired') {
        Object.assign(patch, { retiredAt: now, sunsetAt: sunset ?? row.sunsetAt ?? now });
      }
      await this.versions.updateVersion(manager, row.id, patch);
      await this.audit.append(manager, {
        actor: actor.subject,
        action: `version.${target}`,
        targetType: 'version',
        target: `${domainKey}/${apiKey}@${row.version}`,
        details: { from: row.lifecycle, to: target, sunsetAt: patch.sunsetAt?.toISOString() ?? null },
      });
      await manager.query('SELECT pg_notify($1, $2)', [REGISTRY_CHANNEL, JSON.stringify(change)]);
      return toVersionResponse(domain.key, api, { ...row, ...patch });
    });
    this.events.emit(change);
    return result;
  }
}
