/**
 * The portal's static files: a fixed allow-list read once from `public/` beside
 * this file (src/portal/public under ts-jest, dist/src/portal/public after the
 * build copies it). Only listed names are ever served, so no request path can
 * reach another file, whatever its encoding.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const PUBLIC_DIR = path.join(__dirname, 'public');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Every file under /portal/assets/; keep in step with public/ (a unit test checks). */
export const ASSET_FILES = [
  'portal.css',
  'app.js',
  'api.js',
  'dom.js',
  'catalog.js',
  'api-page.js',
  'docs-openapi.js',
  'docs-asyncapi.js',
  'schema-view.js',
  'changelog.js',
  'usage.js',
  'consumers.js',
  'consumer-keys.js',
  'favicon.svg',
] as const;

export interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
}

export function loadAsset(file: string): Asset {
  const body = readFileSync(path.join(PUBLIC_DIR, file));
  return {
    body,
    contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
}

/** Reads the allow-listed files and the shell once; a missing file is a packaging bug, so it throws at start. */
export function loadAssets(): { shell: Asset; assets: Map<string, Asset> } {
  return { shell: loadAsset('index.html'), assets: new Map(ASSET_FILES.map((f) => [f, loadAsset(f)])) };
}
