/** Registry failures as domain errors (no HTTP here; the catalogue maps codes to statuses). */
import type { Issue } from '../core/report/issue';
import { CharterError } from '../platform/problems/charter.error';
import type { ProblemError } from '../platform/problems/problem-catalogue';

export const domainNotFound = (key: string) => new CharterError('DOMAIN_NOT_FOUND', `Domain "${key}" does not exist.`);
export const apiNotFound = (domain: string, api: string) =>
  new CharterError('API_NOT_FOUND', `API "${api}" does not exist in domain "${domain}".`);
export const versionNotFound = (domain: string, api: string, version: string) =>
  new CharterError('VERSION_NOT_FOUND', `Version "${version}" of ${domain}/${api} does not exist.`);
export const cannotWriteDomain = (domain: string) =>
  new CharterError('FORBIDDEN', `This token may not write domain "${domain}".`);

export function issuesToProblemErrors(issues: readonly Issue[]): ProblemError[] {
  return issues.map((i) => ({
    code: i.code,
    message: i.message,
    pointer: i.source.pointer,
    ...(i.source.line !== undefined ? { line: i.source.line, column: i.source.column } : {}),
    ...(i.source.file !== undefined ? { file: i.source.file } : {}),
  }));
}
