/**
 * Publishing and reading API versions. A publish is one transaction: validate
 * (core loader), run the publish gates (lint, compatibility), insert the row,
 * append the audit entry and NOTIFY; any failure rolls all of it back.
 */
import { Inject, Injectable } from '@nestjs/common';
import * as semver from 'semver';
import { DataSource, type EntityManager } from 'typeorm';
import { stringify as toYaml } from 'yaml';
import { checkCompatibility } from '../core/compat';
import { diffContracts } from '../core/diff';
import { loadContractText } from '../core/document';
import type { Contract } from '../core/document/types';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { canWriteDomain, type Principal } from '../platform/auth/principal';
import { CharterError } from '../platform/problems/charter.error';
import { AuditRepository } from './audit.repository';
import { DomainsService } from './domains.service';
import type { ChangelogResponse, VersionResponse } from './dto/version.dto';
import { changeView } from './change-view';
import type { ApiEntity, ApiVersionEntity, DomainEntity } from './entities';
import type { Lifecycle } from './entities/api-version.entity';
import { type Page, type PageRequest, toPage } from './pagination';
import { PUBLISH_GATES, type PublishGate } from './publish-gate';
import { REGISTRY_CHANNEL, type RegistryChange, RegistryEvents } from './registry.events';
import { apiNotFound, cannotWriteDomain, issuesToProblemErrors, versionNotFound } from './registry.errors';
import { toVersionResponse } from './registry.mapper';
import { VersionsRepository } from './versions.repository';

export interface PublishRequest {
  domain: string;
  api: string;
  body: Buffer;
  draft?: boolean;
}

export interface PublishOutcome {
  created: boolean;
  version: VersionResponse;
}

const ALLOWED_TRANSITIONS: Record<Lifecycle, Lifecycle[]> = {
  draft: ['published'],
  published: ['deprecated', 'retired'],
  deprecated: ['published', 'retired'],
  retired: [],
};

@Injectable()
export class VersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: VersionsRepository,
    private readonly domains: DomainsService,
    private readonly audit: AuditRepository,
    private readonly events: RegistryEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PUBLISH_GATES) private readonly gates: PublishGate[],
  ) {}

  async publish(req: PublishRequest, actor: Principal): Promise<PublishOutcome> {
    if (!canWriteDomain(actor, req.domain)) {
      // Unknown domains answer 404 before 403 only for admins; others learn nothing.
      if (actor.role === 'admin') {
        await this.domains.require(this.dataSource.manager, req.domain);
      }
      throw cannotWriteDomain(req.domain);
    }
    await this.domains.require(this.dataSource.manager, req.domain);
    const text = decodeUtf8(req.body);
    const loaded = await loadContractText(text, `${req.domain}/${req.api}`, {
      maxBytes: this.config.contracts.maxDocumentBytes,
    });
    if (!loaded.ok) {
      throw new CharterError('INVALID_CONTRACT', `The document is not a valid contract (${loaded.errors.length} error(s)).`, {
        errors: issuesToProblemErrors(loaded.errors),
      });
    }
    try {
      return await this.store(req, text, loaded.value, actor);
    } catch (err) {
      // Two publishes of one version raced and the other committed first: answer as
      // if we had come second (200 for the same content, 409 otherwise).
      if (isUniqueViolation(err)) {
        return this.store(req, text, loaded.value, actor);
      }
      throw err;
    }
  }

  private async store(req: PublishRequest, text: string, contract: Contract, actor: Principal): Promise<PublishOutcome> {
    const change: RegistryChange = { action: 'version.published', domain: req.domain, api: req.api, version: contract.version };
    const outcome = await this.dataSource.transaction(async (manager) => {
      const domain = await this.domains.require(manager, req.domain);
      let api = await this.versions.findApi(manager, domain.id, req.api);
      if (api && api.kind !== contract.kind) {
        throw new CharterError('KIND_CONFLICT', `API ${req.domain}/${req.api} is ${api.kind}; this document is ${contract.kind}.`);
      }
      const existing = api ? await this.versions.findVersion(manager, api.id, contract.version) : null;
      if (existing && existing.digest === contract.digest) {
        return { created: false, version: toVersionResponse(domain.key, api as ApiEntity, existing) };
      }
      if (existing && !(existing.lifecycle === 'draft' && req.draft)) {
        throw new CharterError(
          'VERSION_CONFLICT',
          `Version ${contract.version} of ${req.domain}/${req.api} is already ${existing.lifecycle} with other content (digest ${existing.digest}); published versions are immutable, bump info.version.`,
          { existingDigest: existing.digest, digest: contract.digest },
        );
      }
      const gateResult = await this.runGates(manager, domain, api, req.api, text, contract);
      if (!api) {
        api = await this.versions.createApi(manager, {
          domainId: domain.id,
          key: req.api,
          kind: contract.kind,
          title: contract.title,
          description: describe(contract),
        });
      }
      const row = await this.saveVersion(manager, api, existing, req, text, contract, actor, gateResult.changelog ?? null);
      await this.audit.append(manager, {
        actor: actor.subject,
        action: existing ? 'version.draft-replaced' : req.draft ? 'version.drafted' : 'version.published',
        targetType: 'version',
        target: `${req.domain}/${req.api}@${contract.version}`,
        details: { digest: contract.digest, kind: contract.kind, specVersion: contract.specVersion },
      });
      await manager.query('SELECT pg_notify($1, $2)', [REGISTRY_CHANNEL, JSON.stringify(change)]);
      return { created: true, version: toVersionResponse(domain.key, api, row) };
    });
    if (outcome.created) {
      this.events.emit(change);
    }
    return outcome;
  }

  private async runGates(
    manager: EntityManager,
    domain: DomainEntity,
    api: ApiEntity | null,
    apiKey: string,
    rawText: string,
    contract: Contract,
  ): Promise<{ changelog?: unknown[] }> {
    let live: ApiVersionEntity[] | undefined;
    const ctx = {
      manager,
      domain,
      api,
      apiKey,
      contract,
      rawText,
      liveVersions: async () => (live ??= api ? await this.versions.listLiveWithDocuments(manager, api.id) : []),
    };
    const merged: { changelog?: unknown[] } = {};
    for (const gate of this.gates) {
      const result = await gate.check(ctx);
      if (result?.changelog) {
        merged.changelog = result.changelog;
      }
    }
    return merged;
  }

  private async saveVersion(
    manager: EntityManager,
    api: ApiEntity,
    existing: ApiVersionEntity | null,
    req: PublishRequest,
    text: string,
    contract: Contract,
    actor: Principal,
    changelog: unknown[] | null,
  ): Promise<ApiVersionEntity> {
    const parsed = semver.parse(contract.version);
    if (!parsed) {
      throw new Error(`core accepted a non-semver version ${contract.version}`);
    }
    const fields: Partial<ApiVersionEntity> = {
      apiId: api.id,
      version: contract.version,
      major: parsed.major,
      minor: parsed.minor,
      patch: parsed.patch,
      prerelease: parsed.prerelease.length ? parsed.prerelease.join('.') : null,
      lifecycle: req.draft ? 'draft' : 'published',
      specVersion: contract.specVersion,
      title: contract.title,
      digest: contract.digest,
      raw: text,
      rawFormat: contract.format,
      document: contract.document,
      changelog,
      publishedBy: actor.subject,
      publishedAt: req.draft ? null : new Date(),
    };
    if (existing) {
      await this.versions.updateVersion(manager, existing.id, fields);
      return { ...existing, ...fields };
    }
    return this.versions.insertVersion(manager, fields);
  }

  async list(domainKey: string, apiKey: string, lifecycle: Lifecycle[] | undefined, page: PageRequest): Promise<Page<VersionResponse>> {
    const { domain, api } = await this.requireApi(this.dataSource.manager, domainKey, apiKey);
    const [rows, total] = await this.versions.listVersions(this.dataSource.manager, api.id, lifecycle, page);
    return toPage(
      rows.map((v) => toVersionResponse(domain.key, api, v)),
      total,
      page,
    );
  }

  async get(domainKey: string, apiKey: string, version: string): Promise<VersionResponse> {
    const { domain, api, row } = await this.requireVersion(domainKey, apiKey, version, false);
    return toVersionResponse(domain.key, api, row);
  }

  /** The stored document: raw bytes in the format it was published in, or converted. */
  async document(
    domainKey: string,
    apiKey: string,
    version: string,
    want: 'yaml' | 'json' | 'raw',
  ): Promise<{ body: string; format: 'yaml' | 'json'; digest: string }> {
    const { row } = await this.requireVersion(domainKey, apiKey, version, true);
    if (want === 'raw' || want === row.rawFormat) {
      return { body: row.raw, format: row.rawFormat, digest: row.digest };
    }
    const body = want === 'json' ? JSON.stringify(row.document, null, 2) : toYaml(row.document, { aliasDuplicateObjects: false });
    return { body, format: want, digest: row.digest };
  }

  /** What changed between any two versions of an API, classified (for the portal and reviewers). */
  async changelog(domainKey: string, apiKey: string, from: string, to: string): Promise<ChangelogResponse> {
    const base = await this.requireVersion(domainKey, apiKey, from, true);
    const head = await this.requireVersion(domainKey, apiKey, to, true);
    const name = `${domainKey}/${apiKey}`;
    const changes = checkCompatibility(
      diffContracts(
        { document: base.row.document, file: `${name}@${base.row.version}` },
        { document: head.row.document, file: `${name}@${head.row.version}` },
      ),
    );
    return {
      domain: domainKey,
      api: apiKey,
      from: base.row.version,
      to: head.row.version,
      breaking: changes.some((c) => c.level === 'breaking'),
      changes: changes.map(changeView),
    };
  }

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
      const { domain, api } = await this.requireApi(manager, domainKey, apiKey);
      const row = await this.resolveVersion(manager, domain, api, version, false);
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

  private async requireApi(manager: EntityManager, domainKey: string, apiKey: string): Promise<{ domain: DomainEntity; api: ApiEntity }> {
    const domain = await this.domains.require(manager, domainKey);
    const api = await this.versions.findApi(manager, domain.id, apiKey);
    if (!api) {
      throw apiNotFound(domainKey, apiKey);
    }
    return { domain, api };
  }

  private async requireVersion(domainKey: string, apiKey: string, version: string, withContent: boolean) {
    const manager = this.dataSource.manager;
    const { domain, api } = await this.requireApi(manager, domainKey, apiKey);
    const row = await this.resolveVersion(manager, domain, api, version, withContent);
    return { domain, api, row };
  }

  /** `latest` names the highest published or deprecated version. */
  private async resolveVersion(
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

function describe(contract: Contract): string | null {
  const info = contract.document.info as { description?: unknown } | undefined;
  return typeof info?.description === 'string' ? info.description.slice(0, 2000) : null;
}

/** Contracts are UTF-8 text; anything else would not survive storage byte for byte. */
function decodeUtf8(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new CharterError('INVALID_CONTRACT', 'The document is not valid UTF-8 text.', {
      errors: [{ code: 'PARSE_ERROR', message: 'the body is not valid UTF-8', pointer: '' }],
    });
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}
