/**
 * Publishing and reading API versions (lifecycle moves and changelogs have their
 * own services). A publish is one transaction: validate
 * (core loader), run the publish gates (lint, compatibility), insert the row,
 * append the audit entry and NOTIFY; any failure rolls all of it back.
 */
import { Inject, Injectable } from '@nestjs/common';
import * as semver from 'semver';
import { DataSource, type EntityManager } from 'typeorm';
import { stringify as toYaml } from 'yaml';
import { loadContractText } from '../core/document';
import type { Contract } from '../core/document/types';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { canWriteDomain, type Principal } from '../platform/auth/principal';
import { CharterError } from '../platform/problems/charter.error';
import { AuditRepository } from './audit.repository';
import { DomainsService } from './domains.service';
import type { VersionResponse } from './dto/version.dto';
import type { ApiEntity, ApiVersionEntity, DomainEntity } from './entities';
import type { Lifecycle } from './entities/api-version.entity';
import { type Page, type PageRequest, toPage } from './pagination';
import { PUBLISH_GATES, type PublishGate } from './publish-gate';
import { REGISTRY_CHANNEL, type RegistryChange, RegistryEvents } from './registry.events';
import { cannotWriteDomain, issuesToProblemErrors } from './registry.errors';
import { toVersionResponse } from './registry.mapper';
import { VersionLookup } from './version-lookup';
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

@Injectable()
export class VersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: VersionsRepository,
    private readonly domains: DomainsService,
    private readonly lookup: VersionLookup,
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
    const { domain, api } = await this.lookup.requireApi(this.dataSource.manager, domainKey, apiKey);
    const [rows, total] = await this.versions.listVersions(this.dataSource.manager, api.id, lifecycle, page);
    return toPage(
      rows.map((v) => toVersionResponse(domain.key, api, v)),
      total,
      page,
    );
  }

  async get(domainKey: string, apiKey: string, version: string): Promise<VersionResponse> {
    const { domain, api, row } = await this.lookup.requireVersion(domainKey, apiKey, version, false);
    return toVersionResponse(domain.key, api, row);
  }

  /** The stored document: raw bytes in the format it was published in, or converted. */
  async document(
    domainKey: string,
    apiKey: string,
    version: string,
    want: 'yaml' | 'json' | 'raw',
  ): Promise<{ body: string; format: 'yaml' | 'json'; digest: string }> {
    const { row } = await this.lookup.requireVersion(domainKey, apiKey, version, true);
    if (want === 'raw' || want === row.rawFormat) {
      return { body: row.raw, format: row.rawFormat, digest: row.digest };
    }
    const body = want === 'json' ? JSON.stringify(row.document, null, 2) : toYaml(row.document, { aliasDuplicateObjects: false });
    return { body, format: want, digest: row.digest };
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
