/**
 * Lists a contracts tree on disk: each domain folder's domain.yaml and the
 * contract files the core recognizes. Shared by the registry's seeder and the
 * CLI's sync, so both see the same tree the same way.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { type ContractPath, classifyContractPath } from '../../core/tree';

export interface TreeDomain {
  key: string;
  /** tree-relative path of its domain.yaml */
  file: string;
  text: string;
}

export interface ContractsTree {
  root: string;
  domains: TreeDomain[];
  contracts: ContractPath[];
}

export async function listContractsTree(root: string): Promise<ContractsTree> {
  const absolute = path.resolve(root);
  const entries = await fs.readdir(absolute, { withFileTypes: true });
  const domains: TreeDomain[] = [];
  const contracts: ContractPath[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('.')) {
      continue;
    }
    const domainDir = path.join(absolute, entry.name);
    const domainFile = path.join(domainDir, 'domain.yaml');
    const text = await fs.readFile(domainFile, 'utf8').catch(() => undefined);
    if (text === undefined) {
      continue;
    }
    domains.push({ key: entry.name, file: `${entry.name}/domain.yaml`, text });
    for (const rel of await listFiles(domainDir, entry.name, 2)) {
      const classified = classifyContractPath(rel);
      if (classified) {
        contracts.push(classified);
      }
    }
  }
  return { root: absolute, domains, contracts };
}

async function listFiles(dir: string, prefix: string, depth: number): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}/${entry.name}`;
    if (entry.isFile()) {
      out.push(rel);
    } else if (entry.isDirectory() && depth > 1) {
      out.push(...(await listFiles(path.join(dir, entry.name), rel, depth - 1)));
    }
  }
  return out.sort();
}
