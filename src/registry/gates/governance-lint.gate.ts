/**
 * Governance on publish: the same Spectral ruleset `charter lint` runs in CI,
 * loaded from the contracts tree's charter.yaml (built-in `charter:recommended`
 * when there is none) with the domain's settings from the registry, so a domain
 * edited through the API is linted as it now is. Error findings refuse the publish
 * (422 GOVERNANCE_VIOLATION, each finding with rule, pointer and line); a broken
 * ruleset is a server-side fault (500 naming file and rule), and never stops the
 * registry serving.
 */
import { Inject, Injectable } from '@nestjs/common';
import * as fs from 'node:fs';
import { stringify } from 'yaml';
import type { ContractSource } from '../../core/document/types';
import { type GovernanceConfig, lintContract, loadGovernanceFromTree } from '../../core/lint';
import type { Issue } from '../../core/report/issue';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { createFsSource } from '../../platform/contracts-fs/fs-source';
import { CharterError } from '../../platform/problems/charter.error';
import type { DomainEntity } from '../entities';
import type { PublishContext, PublishGate } from '../publish-gate';
import { RegistryEvents } from '../registry.events';
import { issuesToProblemErrors } from '../registry.errors';

/** Issue codes that mean the document itself could not be linted (its fault, not ours). */
const DOCUMENT_ISSUES = new Set(['PARSE_ERROR', 'ALIAS_LIMIT_EXCEEDED', 'DEPTH_LIMIT_EXCEEDED', 'DOCUMENT_TOO_LARGE', 'LINT_FAILED']);

@Injectable()
export class GovernanceLintGate implements PublishGate {
  readonly name = 'governance-lint';
  private readonly cache = new Map<string, Promise<GovernanceConfig | Issue[]>>();
  private readonly tree: ContractSource | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    events: RegistryEvents,
  ) {
    this.tree = fs.existsSync(config.contracts.dir) ? createFsSource(config.contracts.dir) : undefined;
    // A domain's settings changed: its lint configuration may have too.
    events.onChange((change) => {
      if (change.action === 'domain.upserted') {
        this.cache.delete(change.domain);
      }
    });
  }

  async check(ctx: PublishContext): Promise<void> {
    if (!this.config.contracts.lintOnPublish) {
      return;
    }
    const governance = await this.governanceFor(ctx.domain);
    if (Array.isArray(governance)) {
      throw new CharterError('INTERNAL_ERROR', 'The governance ruleset of this registry is broken; fix charter.yaml or the domain settings.', {
        errors: issuesToProblemErrors(governance),
      });
    }
    const ext = ctx.contract.format === 'json' ? 'json' : 'yaml';
    const result = await lintContract({
      text: ctx.rawText,
      file: `${ctx.domain.key}/${ctx.apiKey}.${ctx.contract.kind}.${ext}`,
      governance,
    });
    if (!result.ok) {
      const documentFault = result.errors.every((e) => DOCUMENT_ISSUES.has(e.code));
      throw new CharterError(documentFault ? 'INVALID_CONTRACT' : 'INTERNAL_ERROR', 'The contract could not be linted.', {
        errors: issuesToProblemErrors(result.errors),
      });
    }
    const errors = result.value.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      throw new CharterError('GOVERNANCE_VIOLATION', `The contract breaks ${errors.length} governance rule finding(s) at error severity.`, {
        errors: errors.map((f) => ({
          ruleId: f.ruleId,
          message: f.message,
          pointer: f.source.pointer,
          ...(f.source.line !== undefined ? { line: f.source.line, column: f.source.column } : {}),
        })),
      });
    }
  }

  private governanceFor(domain: DomainEntity): Promise<GovernanceConfig | Issue[]> {
    let pending = this.cache.get(domain.key);
    if (!pending) {
      pending = loadGovernanceFromTree(this.sourceWithDomain(domain), { domain: domain.key }).then((r) => (r.ok ? r.value : r.errors));
      this.cache.set(domain.key, pending);
    }
    return pending;
  }

  /** The contracts tree (charter.yaml, ruleset files), with domain.yaml as the registry now has it. */
  private sourceWithDomain(domain: DomainEntity): ContractSource {
    const domainYaml = stringify({
      ...domain.settings,
      key: domain.key,
      name: domain.name,
      owners: domain.owners,
      compatibility: domain.compatibility,
    });
    const tree = this.tree;
    return {
      read: async (path) => (path === `${domain.key}/domain.yaml` ? domainYaml : tree ? tree.read(path) : undefined),
    };
  }
}
