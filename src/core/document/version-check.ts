/**
 * Charter versions contracts by semver: `info.version` must be exactly a semantic
 * version (`1.2.0`, `2.0.0-rc.1`); `v1.2.0`, `1.2` or a date are refused, since
 * compatibility rules compare versions.
 */
import valid from 'semver/functions/valid';
import type { Issue } from '../report/issue';
import type { Locate } from './contract-locator';
import { quote } from './issues';

export function isContractVersion(version: string): boolean {
  return valid(version) === version;
}

export function versionIssues(document: Record<string, unknown>, locate: Locate): Issue[] {
  const info = document.info;
  if (info === null || typeof info !== 'object') {
    return [];
  }
  const version = (info as Record<string, unknown>).version;
  if (typeof version !== 'string' || isContractVersion(version)) {
    return [];
  }
  return [
    {
      code: 'INVALID_VERSION',
      message: `info.version ${quote(version)} is not a semantic version: use MAJOR.MINOR.PATCH such as 1.2.0 (no 'v' prefix)`,
      source: locate('/info/version'),
    },
  ];
}
