/**
 * What `charter sync` does: loaded by the command's action only (the loader, the
 * lint seam, fetch), so the other commands do not pay for it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { loadContract } from '../../core/document/load-contract';
import type { Contract } from '../../core/document/types';
import { formatSourceRef } from '../../core/report/source-ref';
import { createFsSource } from '../../platform/contracts-fs/fs-source';
import { EXIT } from '../exit-codes';
import { isContractEntry, lintSeam, walk } from './check.action';
import { apiKeyOf, versionsUrl } from './sync.command';

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
    for (const c of p.changes ?? []) {
      lines.push(`  ${c.id ?? ''}: ${c.message ?? ''}`);
    }
    for (const e of p.errors ?? []) {
      lines.push(`  ${e.pointer ?? ''}: ${e.message ?? ''}`);
    }
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

export async function runSync(contractsDir: string, registry: string): Promise<number> {
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
    if (!key) {
      continue;
    }
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
    if (outcome.status === 'error') {
      break;
    }
  }
  for (const o of outcomes) {
    process.stdout.write(`${o.status.padEnd(9)} ${o.file}: ${o.detail}\n`);
  }
  const count = (s: Outcome['status']): number => outcomes.filter((o) => o.status === s).length;
  process.stdout.write(`charter sync: ${count('published')} published, ${count('unchanged')} unchanged, ${count('refused')} refused${count('error') ? ', stopped on an error' : ''}\n`);
  if (count('error')) {
    return EXIT.ERROR;
  }
  return count('refused') ? EXIT.FAILED : EXIT.OK;
}

