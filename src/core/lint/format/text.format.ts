/** `file:line:col severity ruleId message`, one finding a line, then a summary line. */
import { summarize, type Finding } from '../../report/finding';

export function formatText(findings: readonly Finding[]): string {
  const lines = findings.map((f) => {
    const where = `${f.source.file ?? '<document>'}:${f.source.line ?? 1}:${f.source.column ?? 1}`;
    return `${where} ${f.severity} ${f.ruleId} ${f.message}`;
  });
  const s = summarize(findings);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    s.total === 0
      ? 'no findings'
      : `${plural(s.total, 'finding')}: ${plural(s.error, 'error')}, ${plural(s.warn, 'warning')}, ${s.info} info, ${plural(s.hint, 'hint')}`,
  );
  return lines.join('\n') + '\n';
}
