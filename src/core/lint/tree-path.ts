/**
 * POSIX paths relative to the contracts tree root, as ContractSource expects them:
 * joined, normalized, and refused (undefined) when they would leave the tree or are
 * absolute or URLs. No node:path, so the rule holds the same in every runtime.
 * The `..` rule itself is the document loader's, so lint and load agree on the tree.
 */
import { normalize } from '../document/ref-target';

export function dirnameOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i);
}

export function normalizeTreePath(path: string): string | undefined {
  if (path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.includes('\\') || path.includes('\0')) {
    return undefined;
  }
  return normalize(path);
}

/** `rel` resolved against the folder of `fromFile`, both tree-relative. */
export function joinTreePath(fromFile: string, rel: string): string | undefined {
  if (rel.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(rel)) {
    return undefined;
  }
  const dir = dirnameOf(fromFile);
  return normalizeTreePath(dir ? `${dir}/${rel}` : rel);
}
