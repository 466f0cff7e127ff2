/**
 * Every internal `$ref` of the bundled document must land on something. Runs on
 * the bundle, so refs that came from other files are checked where they now point.
 */
import type { Issue } from '../report/issue';
import type { Locate } from './contract-locator';
import { quote } from './issues';
import { resolvePointer, splitFragment, toPointer } from './json-pointer';
import type { FoundRef } from './ref-walk';

export function danglingRefIssues(document: unknown, refs: readonly FoundRef[], locate: Locate): Issue[] {
  const issues: Issue[] = [];
  const checked = new Map<string, boolean>();
  for (const { ref, path } of refs) {
    if (!ref.startsWith('#')) {
      continue;
    }
    let found = checked.get(ref);
    if (found === undefined) {
      const segments = splitFragment(ref.slice(1));
      found = segments !== undefined && resolvePointer(document, segments).found;
      checked.set(ref, found);
    }
    if (!found) {
      issues.push({
        code: 'REF_NOT_FOUND',
        message: `$ref ${quote(ref)} points to nothing in this document`,
        source: locate(toPointer([...path, '$ref'])),
      });
    }
  }
  return issues;
}
