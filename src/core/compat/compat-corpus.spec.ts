/**
 * The labelled corpus: every test/fixtures/compat/<NNN-case>/ holds base.yaml,
 * head.yaml and expect.json ({ breaking, changes: [{id, ...}], silent: [ids] }).
 * Each case asserts the exact multiset of rule ids, the fields given for each
 * expected change, and that the `silent` rules stay silent. Every fact must be
 * classified by exactly one rule.
 */
import { diffContracts } from '../diff';
import type { Fact } from '../diff';
import { CASES, loadCase } from '../../../test/fixtures/compat/load-corpus';
import { checkCompatibility } from './check-compatibility';
import { rulesFor } from './rules';

function matching(fact: Fact): string[] {
  return rulesFor(fact.kind)
    .filter((r) => (r.direction === undefined || r.direction === fact.direction) && (r.api === undefined || r.api === fact.api) && (r.when === undefined || r.when(fact)))
    .map((r) => r.id);
}

describe('compatibility corpus', () => {
  it('has at least 100 OpenAPI and 40 AsyncAPI cases', () => {
    const kinds = CASES.map((c) => (loadCase(c).base.asyncapi ?? loadCase(c).head.asyncapi ? 'asyncapi' : 'openapi'));
    expect(kinds.filter((k) => k === 'openapi').length).toBeGreaterThanOrEqual(100);
    expect(kinds.filter((k) => k === 'asyncapi').length).toBeGreaterThanOrEqual(40);
  });

  describe.each(CASES)('%s', (name) => {
    const { base, head, expect: want } = loadCase(name);
    const diff = diffContracts({ document: base, file: 'base.yaml' }, { document: head, file: 'head.yaml' }, want.options);
    const changes = checkCompatibility(diff, want.config);

    it('classifies every fact with exactly one rule', () => {
      const unclassified = diff.facts.map((f) => ({ kind: f.kind, direction: f.direction, rules: matching(f) })).filter((x) => x.rules.length !== 1);
      expect(unclassified).toEqual([]);
    });

    it('reports exactly the expected rule ids', () => {
      expect(changes.map((c) => c.id).sort()).toEqual(want.changes.map((c) => c.id).sort());
    });

    it('reports the expected details and verdict', () => {
      for (const w of want.changes) {
        const found = changes.some((c) => Object.entries(w).every(([k, v]) => (c as unknown as Record<string, unknown>)[k] === v));
        expect({ expected: w, found }).toEqual({ expected: w, found: true });
      }
      expect(changes.some((c) => c.level === 'breaking')).toBe(want.breaking);
      const fired = new Set(changes.map((c) => c.id));
      expect((want.silent ?? []).filter((id) => fired.has(id))).toEqual([]);
    });
  });
});
