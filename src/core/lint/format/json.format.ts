/** Machine-readable: `{ findings: Finding[], summary }`, stable key order. */
import { summarize, type Finding } from '../../report/finding';

export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify({ findings, summary: summarize(findings) }, null, 2) + '\n';
}
