import { readdirSync } from 'node:fs';
import { ASSET_FILES, PUBLIC_DIR, loadAssets } from './portal-assets';
import { loadProblemDescriptions, renderProblemPage } from './problem-pages';
import { PROBLEMS } from '../platform/problems/problem-catalogue';

describe('portal assets', () => {
  it('serves exactly the files in public/ (besides the shell), with their content types', () => {
    const files = readdirSync(PUBLIC_DIR).filter((f) => f !== 'index.html').sort();
    expect([...ASSET_FILES].sort()).toEqual(files);
    const { shell, assets } = loadAssets();
    expect(shell.contentType).toBe('text/html; charset=utf-8');
    expect(assets.get('app.js')?.contentType).toBe('text/javascript; charset=utf-8');
    expect(assets.get('portal.css')?.contentType).toBe('text/css; charset=utf-8');
  });
});

describe('problem pages', () => {
  const descriptions = loadProblemDescriptions();

  it('has a page with a description for every problem type of the catalogue', () => {
    for (const kind of Object.values(PROBLEMS)) {
      expect(descriptions.get(kind.slug)?.length).toBeGreaterThan(0);
      expect(renderProblemPage(kind.slug, descriptions)).toContain(`<h1>${kind.title}</h1>`);
    }
  });

  it('renders code spans escaped and has no page for unknown slugs', () => {
    const page = renderProblemPage('version-not-found', new Map([['version-not-found', ['`<latest>` & more']]]));
    expect(page).toContain('<code>&lt;latest&gt;</code> &amp; more');
    expect(renderProblemPage('nope', descriptions)).toBeUndefined();
  });
});
