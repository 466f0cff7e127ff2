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
    const { base, head } = await this.lookup.requireVersions(domainKey, apiKey, from, to, true);
    const name = `${domainKey}/${apiKey}`;
    const changes = checkCompatibility(
      diffContracts(
        { document: base.document, file: `${name}@${base.version}` },
        { document: head.document, file: `${name}@${head.version}` },
      ),
    );
    return {
      domain: domainKey,
      api: apiKey,
      from: base.version,
      to: head.version,
      breaking: changes.some((c) => c.level === 'breaking'),
      changes: changes.map(changeView),
    };
  }
}
