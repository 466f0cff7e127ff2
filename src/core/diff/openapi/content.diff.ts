/**
 * A `content` map (media type -> schema) under a request body or a response.
 * Media types match case-insensitively and without parameters (`; charset=utf-8`).
 */
import type { DiffContext } from '../diff-context';
import type { Located } from '../doc-view';
import { child } from '../doc-view';
import type { Direction } from '../diff.types';

export function mediaKey(mediaType: string): string {
  return mediaType.split(';')[0].trim().toLowerCase();
}

export interface ContentSite {
  operation: string;
  direction: Direction;
  /** Words for the container: `request body`, `200 response`. */
  what: string;
  status?: string;
}

export function diffContent(ctx: DiffContext, b: Located, h: Located, site: ContentSite): void {
  const index = (side: 'base' | 'head', parent: Located): Map<string, [string, Located]> =>
    new Map(ctx[side].entries(parent, 'content').map(([mt, loc]) => [mediaKey(mt), [mt, loc]]));
  const base = index('base', b);
  const head = index('head', h);
  const details = (mt: string): { mediaType: string; status?: string } => (site.status === undefined ? { mediaType: mt } : { mediaType: mt, status: site.status });
  for (const [key, [mt, bl]] of base) {
    const scope = { operation: site.operation, direction: site.direction, location: `${site.what} (${mt})` };
    const hit = head.get(key);
    if (!hit) {
      ctx.add('media-type-removed', scope, bl.ptr, child(h.ptr, 'content'), details(mt));
      continue;
    }
    const [, hl] = hit;
    ctx.schema(scope, ctx.base.get(bl, 'schema'), ctx.head.get(hl, 'schema'), bl.ptr);
  }
  for (const [key, [mt, hl]] of head) {
    if (base.has(key)) {
      continue;
    }
    const scope = { operation: site.operation, direction: site.direction, location: `${site.what} (${mt})` };
    ctx.add('media-type-added', scope, child(b.ptr, 'content'), hl.ptr, details(mt));
  }
}
