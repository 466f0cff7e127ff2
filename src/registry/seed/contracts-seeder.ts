/**
 * On start, an empty registry seeds itself from CHARTER_CONTRACTS_DIR: each
 * domain.yaml becomes a domain, each contract its first published version,
 * through the same publish path (validation, gates, audit) as any other write.
 * A contract that fails is logged and skipped; it never stops the service.
 */
import { Inject, Injectable } from '@nestjs/common';
import * as fs from 'node:fs/promises';
import type { Logger } from 'pino';
import { loadContract } from '../../core/document';
import { publishableText } from '../../core/document/publishable';
import type { Issue } from '../../core/report/issue';
import { parseDomainFile } from '../../core/tree';
import type { Principal } from '../../platform/auth/principal';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { createFsSource } from '../../platform/contracts-fs/fs-source';
import { listContractsTree } from '../../platform/contracts-fs/contracts-tree';
import { LOGGER } from '../../platform/logging/logger.provider';
import { DomainsService } from '../domains.service';
import { VersionsService } from '../versions.service';

const SEED_PRINCIPAL: Principal = Object.freeze({ subject: 'charter-seed', role: 'admin', domains: [] });

export interface SeedReport {
  domains: number;
  published: number;
  failed: Array<{ file: string; reason: string }>;
}

@Injectable()
export class ContractsSeeder {
  constructor(
    private readonly domains: DomainsService,
    private readonly versions: VersionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Seeds only when the registry has no domain at all. */
  async seedIfEmpty(): Promise<SeedReport | undefined> {
    const dir = this.config.contracts.dir;
    if (!this.config.contracts.seed || (await this.domains.count()) > 0) {
      return undefined;
    }
    if (!(await fs.stat(dir).catch(() => undefined))?.isDirectory()) {
      this.logger.warn({ dir }, 'contracts directory not found; starting with an empty registry');
      return undefined;
    }
    const report = await this.seed(dir);
    this.logger.info({ dir, ...report, failed: report.failed.length }, 'registry seeded from contracts');
    for (const f of report.failed) {
      this.logger.warn(f, 'contract not seeded');
    }
    return report;
  }

  async seed(dir: string): Promise<SeedReport> {
    const tree = await listContractsTree(dir);
    const source = createFsSource(tree.root);
    const report: SeedReport = { domains: 0, published: 0, failed: [] };
    for (const d of tree.domains) {
      const parsed = parseDomainFile(d.text, d.file, d.key);
      if (!parsed.ok) {
        report.failed.push({ file: d.file, reason: parsed.errors.map((e) => `${e.source.pointer} ${e.message}`).join('; ') });
        continue;
      }
      const { key, name, description, owners, compatibility, upstream, ...settings } = parsed.value;
      await this.domains.upsert(key, { name, description, owners, compatibility, upstream, settings }, SEED_PRINCIPAL);
      report.domains++;
    }
    for (const c of tree.contracts) {
      if (!tree.domains.some((d) => d.key === c.domain)) {
        continue;
      }
      try {
        const loaded = await loadContract(c.entry, source, { maxBytes: this.config.contracts.maxDocumentBytes });
        if (!loaded.ok) {
          report.failed.push({ file: c.entry, reason: loaded.errors.map((e: Issue) => `${e.code} ${e.message}`).join('; ') });
          continue;
        }
        const entryText = (await source.read(c.entry)) ?? '';
        const body = Buffer.from(publishableText(loaded.value, entryText), 'utf8');
        await this.versions.publish({ domain: c.domain, api: c.api, body }, SEED_PRINCIPAL);
        report.published++;
      } catch (err) {
        report.failed.push({ file: c.entry, reason: (err as Error).message });
      }
    }
    return report;
  }
}
