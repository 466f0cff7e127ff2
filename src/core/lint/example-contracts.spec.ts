/**
 * The example contracts Charter ships (contracts/) pass their own governance: no
 * error finding for any OpenAPI or AsyncAPI contract in the tree, each linted with
 * charter.yaml and its domain's domain.yaml, exactly as `charter lint` does.
 */
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { lintContract, loadGovernanceFromTree } from '.';
import type { ContractSource } from '../document/types';

const CONTRACTS = join(__dirname, '../../../contracts');
const source: ContractSource = { read: (p) => readFile(join(CONTRACTS, p), 'utf8').catch(() => undefined) };

function contracts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      return contracts(full);
    }
    return /(^|\.)(openapi|asyncapi)\.(ya?ml|json)$/.test(name) ? [relative(CONTRACTS, full).split(sep).join('/')] : [];
  });
}

const files = contracts(CONTRACTS);

it('finds the example contracts', () => {
  expect(files.length).toBeGreaterThan(0);
});

it.each(files)('%s has no error findings', async (file) => {
  const domain = file.split('/')[0];
  const governance = await loadGovernanceFromTree(source, { domain });
  if (!governance.ok) {
    throw new Error(JSON.stringify(governance.errors));
  }
  const r = await lintContract({ text: await readFile(join(CONTRACTS, file), 'utf8'), file, source, governance: governance.value });
  if (!r.ok) {
    throw new Error(JSON.stringify(r.errors));
  }
  const errors = r.value.filter((f) => f.severity === 'error').map((f) => `${f.source.file}:${f.source.line} ${f.ruleId} ${f.message}`);
  expect(errors).toEqual([]);
});
