/**
 * What to publish for a contract loaded from a tree: its own bytes when it is one
 * self-contained file (so the registry keeps exactly what the team wrote), or the
 * bundled document when it pulled in other files (the registry has no tree).
 */
import { stringify } from 'yaml';
import type { Contract } from './types';

export function publishableText(contract: Contract, entryText: string): string {
  if (contract.files.length <= 1) {
    return entryText;
  }
  return contract.format === 'json'
    ? JSON.stringify(contract.document, null, 2) + '\n'
    : stringify(contract.document, { aliasDuplicateObjects: false, lineWidth: 0 });
}
