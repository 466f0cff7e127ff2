/**
 * The CI gate's report (`charter check`): one section per contract added,
 * changed, renamed or deleted, rendered as text for people, Markdown for a pull
 * request comment, JSON, SARIF 2.1.0 for code scanning and JUnit XML for CI
 * dashboards. Pure: data in, string out.
 */
import type { Change } from './change';
import { changesMarkdownTable, mdCell, summaryLine, whereText } from './change-format';
import type { Finding } from './finding';
import type { Issue } from './issue';
import { formatSourceRef } from './source-ref';
import { toSarif, type SarifLevel, type SarifResultInput, type SarifRuleDescriptor } from './sarif';

export type ContractStatus = 'added' | 'modified' | 'renamed' | 'deleted';

export interface ContractCheck {
  /** Tree-relative entry file (the base one for a deleted contract). */
  file: string;
  previousFile?: string;
  status: ContractStatus;
  kind?: 'openapi' | 'asyncapi';
  baseVersion?: string;
  headVersion?: string;
  mode?: string;
  /** Why the head document is invalid (blocks). */
  issues: Issue[];
  /** Governance lint findings on head (errors block). */
  findings: Finding[];
  /** Base -> head. */
  changes: Change[];
  semver?: { ok: boolean; required: string; actual: string; message: string };
  blocked: boolean;
  /** One sentence per reason the contract blocks the merge. */
  reasons: string[];
  /** Things worth knowing that do not block (lint unavailable, base unreadable). */
  notes: string[];
}

export interface CheckReport {
  base: string;
  contracts: ContractCheck[];
  blocked: boolean;
}

export type CheckFormat = 'text' | 'json' | 'markdown' | 'sarif' | 'junit';

function heading(c: ContractCheck): string {
  const versions = c.baseVersion && c.headVersion ? `, ${c.baseVersion} -> ${c.headVersion}` : c.headVersion ? `, ${c.headVersion}` : c.baseVersion ? `, was ${c.baseVersion}` : '';
  const renamed = c.previousFile ? ` from ${c.previousFile}` : '';
  return `${c.file} (${c.status}${renamed}${versions}${c.mode ? `, ${c.mode}` : ''})`;
}

export function formatCheckText(report: CheckReport): string {
  const blocked = report.contracts.filter((c) => c.blocked).length;
  const lines = [
    `charter check against ${report.base}: ${report.contracts.length} contract${report.contracts.length === 1 ? '' : 's'} changed, ${blocked} blocked`,
  ];
  for (const c of report.contracts) {
    lines.push('', `${c.blocked ? 'BLOCKED' : 'ok'}  ${heading(c)}`);
    for (const r of c.reasons) {
      lines.push(`  ! ${r}`);
    }
    for (const n of c.notes) {
      lines.push(`  note: ${n}`);
    }
    for (const i of c.issues) {
      lines.push(`  ${formatSourceRef(i.source)}: ${i.code}: ${i.message}`);
    }
    for (const f of c.findings) {
      lines.push(`  ${formatSourceRef(f.source)}: ${f.severity} ${f.ruleId}: ${f.message}`);
    }
    if (c.changes.length) {
      lines.push(`  changes: ${summaryLine(c.changes)}`);
    }
    for (const ch of c.changes) {
      lines.push(`    ${ch.level === 'breaking' ? 'BREAKING' : ch.level === 'warning' ? 'WARNING ' : 'info    '} ${ch.id}: ${ch.message}`);
    }
    if (c.semver) {
      lines.push(`  semver: ${c.semver.message}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function formatCheckMarkdown(report: CheckReport): string {
  const blocked = report.contracts.filter((c) => c.blocked).length;
  const lines = [
    `## ${report.blocked ? ':x: charter check: blocked' : ':white_check_mark: charter check: passed'}`,
    '',
    `${report.contracts.length} contract${report.contracts.length === 1 ? '' : 's'} changed against \`${mdCell(report.base)}\`, ${blocked} blocked.`,
  ];
  for (const c of report.contracts) {
    lines.push('', `### ${c.blocked ? ':x:' : ':white_check_mark:'} \`${mdCell(c.file)}\``, '', mdCell(heading(c)));
    if (c.reasons.length) {
      lines.push('', ...c.reasons.map((r) => `- **${mdCell(r)}**`));
    }
    if (c.notes.length) {
      lines.push('', ...c.notes.map((n) => `- ${mdCell(n)}`));
    }
    if (c.issues.length) {
      lines.push('', '| invalid | where |', '| --- | --- |');
      for (const i of c.issues) {
        lines.push(`| ${mdCell(`${i.code}: ${i.message}`)} | \`${mdCell(formatSourceRef(i.source))}\` |`);
      }
    }
    if (c.findings.length) {
      lines.push('', '| lint | rule | message | where |', '| --- | --- | --- | --- |');
      for (const f of c.findings) {
        lines.push(`| ${f.severity} | \`${f.ruleId}\` | ${mdCell(f.message)} | \`${mdCell(formatSourceRef(f.source))}\` |`);
      }
    }
    if (c.changes.length) {
      // A pull request comment stays readable: the details of large diffs fold away.
      const table = changesMarkdownTable(c.changes);
      if (c.changes.length > 20) {
        lines.push('', `<details><summary>${summaryLine(c.changes)}</summary>`, '', ...table, '', '</details>');
      } else {
        lines.push('', ...table);
      }
    }
    if (c.semver) {
      lines.push('', `semver: ${mdCell(c.semver.message)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function formatCheckJson(report: CheckReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

const CHANGE_LEVEL: Record<Change['level'], SarifLevel> = { breaking: 'error', warning: 'warning', info: 'note' };
const FINDING_LEVEL: Record<Finding['severity'], SarifLevel> = { error: 'error', warn: 'warning', info: 'note', hint: 'note' };

export function formatCheckSarif(report: CheckReport, rules: readonly SarifRuleDescriptor[], version?: string): string {
  const results: SarifResultInput[] = [];
  for (const c of report.contracts) {
    for (const i of c.issues) {
      results.push({ ruleId: `invalid-contract/${i.code}`, level: 'error', message: i.message, file: i.source.file ?? c.file, line: i.source.line, column: i.source.column, pointer: i.source.pointer });
    }
    for (const f of c.findings) {
      results.push({ ruleId: f.ruleId, level: FINDING_LEVEL[f.severity], message: f.message, file: f.source.file ?? c.file, line: f.source.line, column: f.source.column, pointer: f.source.pointer });
    }
    for (const ch of c.changes) {
      const at = ch.head.line ? ch.head : ch.base.line ? ch.base : ch.head;
      results.push({ ruleId: ch.id, level: CHANGE_LEVEL[ch.level], message: ch.message, file: at.file ?? c.file, line: at.line, column: at.column, pointer: at.pointer });
    }
    if (c.status === 'deleted') {
      results.push({ ruleId: 'contract-removed', level: 'error', message: `${c.file}: the contract was deleted`, file: c.file });
    }
    if (c.semver && !c.semver.ok) {
      results.push({ ruleId: 'version-bump', level: 'error', message: c.semver.message, file: c.file, pointer: '/info/version' });
    }
  }
  const log = toSarif({ name: 'charter', ...(version ? { version } : {}) }, rules, results);
  return JSON.stringify(log, null, 2) + '\n';
}

// Control characters other than tab, LF and CR are not allowed in XML 1.0 at all.
const xml = (s: string): string =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function formatCheckJunit(report: CheckReport): string {
  const failures = report.contracts.filter((c) => c.blocked).length;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="charter check" tests="${report.contracts.length}" failures="${failures}">`];
  lines.push(`  <testsuite name="contracts vs ${xml(report.base)}" tests="${report.contracts.length}" failures="${failures}" errors="0" skipped="0">`);
  for (const c of report.contracts) {
    lines.push(`    <testcase classname="charter.check" name="${xml(c.file)}">`);
    const detail = [
      ...c.reasons,
      ...c.issues.map((i) => `${formatSourceRef(i.source)}: ${i.code}: ${i.message}`),
      ...c.findings.filter((f) => f.severity === 'error').map((f) => `${formatSourceRef(f.source)}: ${f.ruleId}: ${f.message}`),
      ...c.changes.filter((ch) => ch.level === 'breaking').map((ch) => `${ch.id}: ${ch.message} (${whereText(ch.head)})`),
    ].join('\n');
    if (c.blocked) {
      lines.push(`      <failure message="${xml(c.reasons[0] ?? 'blocked')}" type="blocked">${xml(detail)}</failure>`);
    }
    const out = [heading(c), ...c.notes, ...c.changes.map((ch) => `${ch.level} ${ch.id}: ${ch.message}`)].join('\n');
    lines.push(`      <system-out>${xml(out)}</system-out>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}
