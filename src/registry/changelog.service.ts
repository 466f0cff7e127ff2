import { Injectable } from '@nestjs/common';
import { checkCompatibility } from '../core/compat';
import { diffContracts } from '../core/diff';
import { changeView } from './change-view';
import type { ChangelogResponse } from './dto/version.dto';
import { VersionLookup } from './version-lookup';

@Injectable()
export class ChangelogService {
  constructor(private readonly lookup: VersionLookup) {}

  /** What changed between any two versions of an API, classified (for the portal and reviewers). */
  async changelog(domainKey: string, apiKey: string, from: string, to: string): Promise<ChangelogResponse> {
    const base = await this.lookup.requireVersion(domainKey, apiKey, from, true);
    const head = await this.lookup.requireVersion(domainKey, apiKey, to, true);
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
}
