/**
 * A classified change between two versions of a contract: what the compatibility
 * rules make of a diff fact. The rule `id` is public API (kebab-case, never
 * renamed); `level` is the rule's default severity or the one charter.yaml sets.
 */
import type { SourceRef } from './source-ref';

export type ChangeLevel = 'breaking' | 'warning' | 'info';
export type SemverBump = 'major' | 'minor' | 'patch';

/** Where a change is: shared by diff facts and the changes classified from them. */
export interface ChangeSite {
  api: 'openapi' | 'asyncapi';
  /** `request` = what clients send, `response` = what clients receive. */
  direction?: 'request' | 'response';
  /** `GET /shipments/{id}` (OpenAPI) or the operation id (AsyncAPI). */
  operation?: string;
  /** AsyncAPI channel address. */
  channel?: string;
  /** Human words for where under the operation: "the 200 response body (application/json)". */
  location?: string;
  /** Dotted property path inside the schema at `location` (`items[].owner.name`). */
  property?: string;
  base: SourceRef;
  head: SourceRef;
  /**
   * Other operations or channels the same change reaches: a change in a shared
   * component is reported once, at its shortest usage path.
   */
  alsoIn?: string[];
}

export interface Change extends ChangeSite {
  id: string;
  level: ChangeLevel;
  /** The least version bump this change needs on its own. */
  bump: SemverBump;
  /** One sentence a person understands, with the operation and location in it. */
  message: string;
}

const LEVEL_ORDER: Record<ChangeLevel, number> = { breaking: 0, warning: 1, info: 2 };

/** Breaking first, then by operation/channel, location, property, rule id, pointer. */
export function compareChanges(a: Change, b: Change): number {
  const d = LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level];
  if (d !== 0) {
    return d;
  }
  const ka = [a.operation ?? a.channel ?? '', a.location ?? '', a.property ?? '', a.id, a.base.pointer, a.head.pointer].join('\u0000');
  const kb = [b.operation ?? b.channel ?? '', b.location ?? '', b.property ?? '', b.id, b.base.pointer, b.head.pointer].join('\u0000');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
