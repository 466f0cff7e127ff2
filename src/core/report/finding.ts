/**
 * A governance finding: one rule's verdict about one place in a contract. Unlike an
 * Issue (lint could not run), a finding is the normal output of a lint run; its
 * severity decides what it does: `error` blocks (CI gate, publish), `warn` reports,
 * `info` and `hint` inform. Rule ids are public API and never renamed.
 */
import type { SourceRef } from './source-ref';

export const FINDING_SEVERITIES = ['error', 'warn', 'info', 'hint'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface Finding {
  ruleId: string;
  severity: FindingSeverity;
  message: string;
  source: SourceRef;
}

export interface FindingSummary {
  error: number;
  warn: number;
  info: number;
  hint: number;
  total: number;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const summary: FindingSummary = { error: 0, warn: 0, info: 0, hint: 0, total: findings.length };
  for (const f of findings) {
    summary[f.severity] += 1;
  }
  return summary;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warn: 1, info: 2, hint: 3 };

/** Stable order: file, line, column, then the most severe first, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.source.file ?? '';
  const fb = b.source.file ?? '';
  if (fa !== fb) {
    return fa < fb ? -1 : 1;
  }
  const line = (a.source.line ?? 0) - (b.source.line ?? 0);
  if (line !== 0) {
    return line;
  }
  const col = (a.source.column ?? 0) - (b.source.column ?? 0);
  if (col !== 0) {
    return col;
  }
  const sev = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (sev !== 0) {
    return sev;
  }
  if (a.ruleId !== b.ruleId) {
    return a.ruleId < b.ruleId ? -1 : 1;
  }
  return a.source.pointer < b.source.pointer ? -1 : a.source.pointer > b.source.pointer ? 1 : 0;
}
