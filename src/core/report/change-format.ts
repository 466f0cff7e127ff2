/**
 * Text, JSON and Markdown renderings of a list of changes between two versions
 * of one contract (`charter diff`, and each contract section of `charter check`).
 * Pure: data in, string out.
 */
import type { Change, ChangeLevel } from './change';
import type { SourceRef } from './source-ref';

export interface ChangeReport {
  base: { file?: string; version?: string };
  head: { file?: string; version?: string };
  changes: readonly Change[];
  /** Semver verdict, when both versions are known. */
  semver?: { ok: boolean; required: string; actual: string; message: string };
}

export interface ChangeCounts {
  breaking: number;
  warning: number;
  info: number;
}

export function countChanges(changes: readonly Change[]): ChangeCounts {
  const counts: ChangeCounts = { breaking: 0, warning: 0, info: 0 };
  for (const c of changes) {
    counts[c.level] += 1;
  }
  return counts;
}

export function isBreaking(changes: readonly Change[]): boolean {
  return changes.some((c) => c.level === 'breaking');
}

const LABEL: Record<ChangeLevel, string> = { breaking: 'BREAKING', warning: 'WARNING', info: 'info' };

export function whereText(ref: SourceRef): string {
  const pos = ref.line ? `:${ref.line}:${ref.column ?? 1}` : '';
  return `${ref.file ?? '<document>'}${pos} ${ref.pointer || '/'}`;
}

function side(s: ChangeReport['base']): string {
  return `${s.file ?? '<document>'}${s.version ? ` (${s.version})` : ''}`;
}

export function summaryLine(changes: readonly Change[]): string {
  const c = countChanges(changes);
  if (changes.length === 0) {
    return 'no changes';
  }
  return `${c.breaking} breaking, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`;
}

export function formatChangesText(report: ChangeReport): string {
  const lines = [`${side(report.base)} -> ${side(report.head)}: ${summaryLine(report.changes)}`];
  for (const c of report.changes) {
    lines.push('', `${LABEL[c.level]}  ${c.id}`, `  ${c.message}`);
    if (c.base.pointer || c.base.line) {
      lines.push(`  base: ${whereText(c.base)}`);
    }
    if (c.head.pointer || c.head.line) {
      lines.push(`  head: ${whereText(c.head)}`);
    }
  }
  if (report.semver) {
    lines.push('', `semver: ${report.semver.ok ? 'ok' : 'NOT OK'}: ${report.semver.message}`);
  }
  return lines.join('\n') + '\n';
}

export function changesJson(report: ChangeReport): Record<string, unknown> {
  return {
    breaking: isBreaking(report.changes),
    base: report.base,
    head: report.head,
    summary: countChanges(report.changes),
    ...(report.semver ? { semver: report.semver } : {}),
    changes: report.changes,
  };
}

export function formatChangesJson(report: ChangeReport): string {
  return JSON.stringify(changesJson(report), null, 2) + '\n';
}

/** Escape what would break a Markdown table cell. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

const ICON: Record<ChangeLevel, string> = { breaking: ':x: breaking', warning: ':warning: warning', info: ':information_source: info' };

export function changesMarkdownTable(changes: readonly Change[]): string[] {
  if (changes.length === 0) {
    return ['No changes.'];
  }
  const rows = ['| level | rule | change | where |', '| --- | --- | --- | --- |'];
  for (const c of changes) {
    const ref = c.head.line ? c.head : c.base;
    rows.push(`| ${ICON[c.level]} | \`${c.id}\` | ${mdCell(c.message)} | \`${mdCell(whereText(ref))}\` |`);
  }
  return rows;
}

export function formatChangesMarkdown(report: ChangeReport): string {
  const breaking = isBreaking(report.changes);
  const lines = [
    `### ${breaking ? ':x: Breaking changes' : ':white_check_mark: Compatible'}: \`${mdCell(side(report.base))}\` → \`${mdCell(side(report.head))}\``,
    '',
    summaryLine(report.changes),
    '',
    ...changesMarkdownTable(report.changes),
  ];
  if (report.semver) {
    lines.push('', `**semver**: ${report.semver.ok ? 'ok' : 'not ok'}: ${mdCell(report.semver.message)}`);
  }
  return lines.join('\n') + '\n';
}
