/**
 * The $ref resolver Spectral lints with: relative file refs resolve inside the
 * contracts tree through the ContractSource, never anything else. Spectral's
 * default resolver would read any file and fetch http(s) URLs; here remote refs,
 * other schemes and paths leaving the tree become `invalid-ref` findings.
 *
 * Documents get a virtual absolute location under TREE_ROOT, so the resolver can
 * tell a path that climbed out of the tree (it no longer starts with TREE_ROOT).
 */
import { Resolver } from '@stoplight/spectral-ref-resolver';
import type { ContractSource } from '../document/types';
import { checkTextLimits } from './text-safety';
import { normalizeTreePath } from './tree-path';

export const TREE_ROOT = '/charter-contracts-tree';

export const toVirtual = (treePath: string): string => `${TREE_ROOT}/${treePath}`;

export function fromVirtual(source: string): string {
  return source.startsWith(`${TREE_ROOT}/`) ? source.slice(TREE_ROOT.length + 1) : source;
}

interface RefUri {
  scheme(): string;
  path(): string;
  toString(): string;
}

const refuseRemote = {
  resolve: (ref: RefUri): Promise<never> =>
    Promise.reject(new Error(`remote $ref refused: ${ref.toString()} (only relative files in the contracts tree)`)),
};

function readFromTree(source: ContractSource | undefined) {
  return async (ref: RefUri): Promise<string> => {
    const scheme = ref.scheme();
    if (scheme !== '' && scheme !== 'file') {
      throw new Error(`$ref scheme "${scheme}:" refused (only relative files in the contracts tree)`);
    }
    let abs: string;
    try {
      abs = decodeURIComponent(ref.path());
    } catch {
      throw new Error(`$ref ${ref.toString()} is not a valid path`);
    }
    const rel = abs.startsWith(`${TREE_ROOT}/`) ? normalizeTreePath(abs.slice(TREE_ROOT.length + 1)) : undefined;
    if (rel === undefined) {
      throw new Error(`$ref leaves the contracts tree: ${abs.startsWith(TREE_ROOT) ? abs : ref.toString()}`);
    }
    if (!source) {
      throw new Error(`$ref to ${rel} cannot be resolved: no contracts tree was given`);
    }
    const text = await source.read(rel);
    if (text === undefined) {
      throw new Error(`$ref target not found: ${rel}`);
    }
    const tooBig = checkTextLimits(text);
    if (tooBig) {
      throw new Error(`$ref target ${rel}: ${tooBig}`);
    }
    return text;
  };
}

/**
 * A fresh resolver per run. Reusing one across runs would let its URI cache skip
 * files already read, and then Spectral's graph for the new run lacks their nodes,
 * so findings in (and rules looking through) $ref'd files lose their location.
 */
export function createResolver(source: ContractSource | undefined): Resolver {
  return new Resolver({
    resolvers: { file: { resolve: readFromTree(source) }, http: refuseRemote, https: refuseRemote },
  });
}
