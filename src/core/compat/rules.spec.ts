/**
 * The rule catalogue audits itself (as oasdiff's rule symmetry test does): every
 * rule id is kebab-case, unique, lives in rules/<id>.ts, has a message, and the
 * fixture corpus holds a case where it fires and a case where it stays silent.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from './rules';
import { MESSAGES } from './messages';
import { CASES, loadCase } from '../../../test/fixtures/compat/load-corpus';

describe('rule catalogue', () => {
  const ids = RULES.map((r) => r.id);

  it('has unique kebab-case ids, one file each, each with a message', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
    const files = readdirSync(join(__dirname, 'rules'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'status.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...ids].sort());
    expect(ids.filter((id) => !MESSAGES[id])).toEqual([]);
    expect(Object.keys(MESSAGES).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('has, for every rule, a corpus case that fires it and one where it stays silent', () => {
    const fired = new Set<string>();
    const silent = new Set<string>();
    for (const name of CASES) {
      const { expect: want } = loadCase(name);
      for (const c of want.changes) {
        fired.add(c.id);
      }
      for (const id of want.silent ?? []) {
        silent.add(id);
      }
    }
    expect(ids.filter((id) => !fired.has(id))).toEqual([]);
    expect(ids.filter((id) => !silent.has(id))).toEqual([]);
  });
});
