/**
 * `charter sync [--contracts DIR] --registry URL`: publish every contract of the
 * tree to the registry (POST /api/domains/{domain}/apis/{api}/versions with the
 * bundled document as JSON, bearer token from CHARTER_TOKEN). Idempotent: the
 * registry answers 200 for a document it already holds. What `check` would block
 * locally (an invalid document, governance lint errors) is refused before any
 * request; what breaks the published history is refused by the registry (409).
 * Exit 0 all synced, 1 something refused, 2 could not run (unreachable registry,
 * rejected credentials, a server error).
 */
import type { Command } from 'commander';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadContract } from '../../core/document/load-contract';
import type { Contract } from '../../core/document/types';
import { formatSourceRef } from '../../core/report/source-ref';
import { createFsSource } from '../fs-source';
import { EXIT } from '../exit-codes';
import { isContractEntry, lintSeam, walk } from './check.command';
import type { SetExit } from './index';

/** `dispatch/shipments.openapi.yaml` -> dispatch/shipments; `dispatch/shipments/openapi.yaml` -> dispatch/shipments. */
export function apiKeyOf(rel: string): { domain: string; api: string } | undefined {
  const parts = rel.split('/');
  if (parts.length < 2) return undefined;
  const name = parts[parts.length - 1];
  const m = /^(.+)\.(openapi|asyncapi)\.(ya?ml|json)$/i.exec(name);
  const api = m ? m[1] : parts.length >= 3 ? parts[parts.length - 2] : undefined;
  return api ? { domain: parts[0], api } : undefined;
}

export function versionsUrl(registry: string, domain: string, api: string): string {
  const base = registry.replace(/\/+$/, '');
  const root = base.endsWith('/api') ? base : `${base}/api`;
  return `${root}/domains/${encodeURIComponent(domain)}/apis/${encodeURIComponent(api)}/versions`;
}

interface Outcome {
  file: string;
  status: 'published' | 'unchanged' | 'refused' | 'error';
  detail: string;
}

/** problem+json `detail` and `changes`/`errors`, or the raw text. */
function explain(body: string): string {
  try {
    const p = JSON.parse(body) as { title?: string; detail?: string; changes?: Array<{ id?: string; message?: string }>; errors?: Array<{ pointer?: string; message?: string }> };
    const lines = [p.detail ?? p.title ?? ''];
    for (const c of p.changes ?? []) lines.push(`  ${c.id ?? ''}: ${c.message ?? ''}`);
    for (const e of p.errors ?? []) lines.push(`  ${e.pointer ?? ''}: ${e.message ?? ''}`);
    return lines.filter((l) => l.trim()).join('\n');
  } catch {
    return body.slice(0, 500);
  }
}

async function publish(url: string, contract: Contract, token: string | undefined): Promise<Omit<Outcome, 'file'>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(contract.document),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    return { status: 'error', detail: `cannot reach ${url}: ${cause ?? (err as Error).message}` };
  }
  const body = await res.text();
  const version = contract.version;
  switch (res.status) {
    case 201:
      return { status: 'published', detail: `published ${version}` };
    case 200:
      return { status: 'unchanged', detail: `${version} already published` };
    case 409:
    case 422:
      return { status: 'refused', detail: `${version} refused (${res.status}): ${explain(body)}` };
    default:
      return { status: 'error', detail: `${res.status} from ${url}: ${explain(body)}` };
  }
}

async function runSync(contractsDir: string, registry: string): Promise<number> {
  const root = path.resolve(contractsDir);
  if (!(await fs.stat(root).then((s) => s.isDirectory(), () => false))) {
    process.stderr.write(`charter sync: ${contractsDir}: no such directory\n`);
    return EXIT.ERROR;
  }
  if (!/^https?:\/\//i.test(registry)) {
    process.stderr.write(`charter sync: --registry must be an http(s) URL, got '${registry}'\n`);
    return EXIT.ERROR;
  }
  const token = process.env.CHARTER_TOKEN || undefined;
  const source = createFsSource(root);
  const lint = await lintSeam(source);
  const outcomes: Outcome[] = [];
  for (const rel of (await walk(root)).filter(isContractEntry).sort()) {
    const key = apiKeyOf(rel);
    if (!key) continue;
    const loaded = await loadContract(rel, source);
    if (!loaded.ok) {
      const why = loaded.errors.map((e) => `  ${formatSourceRef(e.source)}: ${e.code}: ${e.message}`).join('\n');
      outcomes.push({ file: rel, status: 'refused', detail: `invalid, not sent:\n${why}` });
      continue;
    }
    if (lint) {
      const text = await fs.readFile(path.join(root, rel), 'utf8');
      const linted = await lint(loaded.value, text, key.domain);
      const errors = linted?.findings.filter((f) => f.severity === 'error') ?? [];
      if (errors.length || linted?.issues.length) {
        const why = [...(linted?.issues ?? []).map((i) => `${formatSourceRef(i.source)}: ${i.code}: ${i.message}`), ...errors.map((f) => `${formatSourceRef(f.source)}: ${f.ruleId}: ${f.message}`)];
        outcomes.push({ file: rel, status: 'refused', detail: `governance lint errors, not sent:\n${why.map((w) => `  ${w}`).join('\n')}` });
        continue;
      }
    }
    const outcome = await publish(versionsUrl(registry, key.domain, key.api), loaded.value, token);
    outcomes.push({ file: rel, ...outcome });
    // Credentials or the server failing will fail every request alike: stop at the first.
    if (outcome.status === 'error') break;
  }
  for (const o of outcomes) process.stdout.write(`${o.status.padEnd(9)} ${o.file}: ${o.detail}\n`);
  const count = (s: Outcome['status']): number => outcomes.filter((o) => o.status === s).length;
  process.stdout.write(`charter sync: ${count('published')} published, ${count('unchanged')} unchanged, ${count('refused')} refused${count('error') ? ', stopped on an error' : ''}\n`);
  if (count('error')) return EXIT.ERROR;
  return count('refused') ? EXIT.FAILED : EXIT.OK;
}

export function registerSync(program: Command, setExit: SetExit): void {
  program
    .command('sync')
    .description('Publish the contracts tree to a registry (token from CHARTER_TOKEN): idempotent, refuses what check would block')
    .requiredOption('--registry <url>', 'base URL of the Charter registry, e.g. http://127.0.0.1:8080')
    .option('--contracts <dir>', 'the contracts tree', 'contracts')
    .action(async (opts: { registry: string; contracts: string }) => setExit(await runSync(opts.contracts, opts.registry)));
}
