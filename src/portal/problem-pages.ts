/**
 * The pages problem `type` URIs point at (/problems/<slug>): the catalogue's
 * status, code and title, plus the prose of docs/problems.md for that slug.
 * Everything written into the HTML is escaped; the Markdown subset is tiny on
 * purpose (paragraphs and `code`).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROBLEMS, PROBLEM_TYPE_BASE, type ProblemCode } from '../platform/problems/problem-catalogue';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** docs/problems.md, looked up from this file's folder upwards (src/portal or dist/src/portal). */
export function findProblemsDoc(from = __dirname): string | undefined {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'docs', 'problems.md');
    if (existsSync(candidate)) {
      return candidate;
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

/** slug -> description paragraphs, from the `## \`slug\`` sections of problems.md. */
export function parseProblemsDoc(markdown: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const section of markdown.split(/^## /m).slice(1)) {
    const [heading, ...rest] = section.split('\n');
    const slug = /^`([a-z0-9-]+)`/.exec(heading ?? '')?.[1];
    if (!slug) {
      continue;
    }
    // First paragraph repeats "status · CODE · title" from the catalogue; the rest is prose.
    const paragraphs = rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    out.set(slug, paragraphs.filter((p) => !/^\d{3} · /.test(p)));
  }
  return out;
}

function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
}

export function findProblem(slug: string): { code: ProblemCode; status: number; title: string } | undefined {
  for (const [code, kind] of Object.entries(PROBLEMS) as Array<[ProblemCode, (typeof PROBLEMS)[ProblemCode]]>) {
    if (kind.slug === slug) {
      return { code, status: kind.status, title: kind.title };
    }
  }
  return undefined;
}

export function renderProblemPage(slug: string, descriptions: Map<string, string[]>): string | undefined {
  const problem = findProblem(slug);
  if (!problem) {
    return undefined;
  }
  const prose = (descriptions.get(slug) ?? []).map((p) => `<p>${inline(p)}</p>`).join('\n      ');
  const others = Object.values(PROBLEMS)
    .map((k) => `<li><a href="/problems/${escapeHtml(k.slug)}"${k.slug === slug ? ' aria-current="page"' : ''}>${escapeHtml(k.title)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(problem.title)} · Charter problem types</title>
  <link rel="stylesheet" href="/portal/assets/portal.css">
  <link rel="icon" href="/portal/assets/favicon.svg" type="image/svg+xml">
</head>
<body>
  <header class="topbar"><a class="brand" href="/">Charter</a><span class="muted">problem types</span></header>
  <main class="page problem-page" id="main">
    <article>
      <p class="crumbs"><a href="/">Portal</a> / Problem types</p>
      <h1>${escapeHtml(problem.title)}</h1>
      <dl class="facts">
        <dt>Status</dt><dd><span class="badge">${problem.status}</span></dd>
        <dt>Code</dt><dd><code>${escapeHtml(problem.code)}</code></dd>
        <dt>Type</dt><dd><code>${escapeHtml(PROBLEM_TYPE_BASE + slug)}</code></dd>
      </dl>
      ${prose || '<p class="muted">No further description.</p>'}
      <p class="muted">Charter answers every error as RFC 9457 <code>application/problem+json</code> with
      <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>, <code>code</code> and <code>correlationId</code>.</p>
    </article>
    <nav aria-label="All problem types" class="problem-index"><h2>All problem types</h2><ul>${others}</ul></nav>
  </main>
</body>
</html>
`;
}

export function loadProblemDescriptions(): Map<string, string[]> {
  const file = findProblemsDoc();
  return file ? parseProblemsDoc(readFileSync(file, 'utf8')) : new Map<string, string[]>();
}
