import type { Finding } from '../../report/finding';
import { formatJson } from './json.format';
import { formatSarif, type RuleInfo } from './sarif.format';
import { formatText } from './text.format';

export { formatJson, formatSarif, formatText };
export { toLintSarif, type RuleInfo } from './sarif.format';

export const LINT_FORMATS = ['text', 'json', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export function formatFindings(format: LintFormat, findings: readonly Finding[], rules: readonly RuleInfo[] = []): string {
  switch (format) {
    case 'text':
      return formatText(findings);
    case 'json':
      return formatJson(findings);
    case 'sarif':
      return formatSarif(findings, rules);
  }
}
