import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROBLEMS, problemBody } from './problem-catalogue';

describe('problem catalogue', () => {
  it('gives every code a unique kebab-case slug and an error status', () => {
    const slugs = Object.values(PROBLEMS).map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const kind of Object.values(PROBLEMS)) {
      expect(kind.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(kind.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('is documented in docs/problems.md, code for code, and nothing else', () => {
    const doc = readFileSync(path.join(__dirname, '../../../docs/problems.md'), 'utf8');
    const documented = [...doc.matchAll(/^## `([a-z-]+)`/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.values(PROBLEMS).map((p) => p.slug).sort());
    for (const [code, kind] of Object.entries(PROBLEMS)) {
      expect(doc).toContain(`## \`${kind.slug}\`\n\n${kind.status} · \`${code}\``);
    }
  });

  it('builds RFC 9457 bodies with a stable absolute type URI', () => {
    expect(problemBody('VERSION_CONFLICT', 'taken', { instance: '/x' })).toEqual({
      type: 'https://charter.dev/problems/version-conflict',
      title: 'Version already published with other content',
      status: 409,
      detail: 'taken',
      code: 'VERSION_CONFLICT',
      instance: '/x',
    });
  });
});
