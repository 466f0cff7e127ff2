/**
 * One canonical shape for a JSON Schema, whatever its spelling: OpenAPI 3.0
 * `nullable` and 3.1 type arrays, `exclusiveMinimum` as a flag (3.0) or a number
 * (3.1), `const`, `oneOf: [X, {type: 'null'}]`, $ref siblings (3.1) and `allOf`
 * conjunctions are all folded here, so the comparison never reports a change of
 * spelling as a change of meaning. Results are cached per source object, which
 * keeps identities stable for the pair memo and makes recursive schemas finite.
 */
import type { DocView, Json, JsonObject, Located } from '../doc-view';
import { child, isObject, refOf } from '../doc-view';
import { canonical } from './canonical';

export interface Bound {
  value: number;
  exclusive: boolean;
}

export type Additional = { kind: 'open' } | { kind: 'closed' } | { kind: 'schema'; schema: Located };

export interface Union {
  keyword: 'oneOf' | 'anyOf';
  branches: Located[];
}

export interface NormSchema {
  /** Identity of the schema for memoization (source object or a cached synthetic one). */
  key: object;
  ptr: string;
  /** `false` schema: accepts nothing. */
  nothing: boolean;
  /** Accepted JSON types besides null; undefined means any. */
  types?: Set<string>;
  nullable: boolean;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  lower?: Bound;
  upper?: Bound;
  counts: Partial<Record<CountKeyword, number>>;
  multipleOf?: number;
  uniqueItems: boolean;
  properties: Map<string, Located>;
  required: Set<string>;
  additional: Additional;
  items?: Located;
  union?: Union;
  /** The union is all the schema says (no own type or properties). */
  pureUnion: boolean;
  discriminator?: { propertyName: string; mapping: Map<string, string> };
  default?: { value: unknown };
  readOnly: boolean;
  writeOnly: boolean;
  title?: string;
  /** Last pointer segment when the schema is a named component. */
  name?: string;
}

export const COUNT_KEYWORDS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
] as const;
export type CountKeyword = (typeof COUNT_KEYWORDS)[number];

const ANNOTATIONS = new Set(['description', 'summary', 'title', 'example', 'examples', '$comment', 'deprecated']);
const EMPTY: JsonObject = Object.freeze({});

export class SchemaNormalizer {
  private readonly cache = new WeakMap<object, NormSchema>();
  private readonly inProgress = new Set<object>();
  private readonly synthetic = new WeakMap<object, WeakMap<object, JsonObject>>();

  constructor(private readonly view: DocView) {}

  /** The shared `{}` schema used when one side has no schema at all. */
  static readonly EMPTY = EMPTY;

  normalize(at: Located): NormSchema {
    const loc = this.view.resolve(at.node, at.ptr);
    const node = loc.node;
    if (node === false) {
      return this.fromBoolean(false, loc.ptr);
    }
    if (!isObject(node)) {
      return this.fromBoolean(true, loc.ptr);
    }
    const cached = this.cache.get(node);
    if (cached) {
      return cached;
    }
    if (this.inProgress.has(node)) {
      return this.fromBoolean(true, loc.ptr); // allOf cycle: no constraint
    }
    this.inProgress.add(node);
    try {
      const norm = this.build(node, loc.ptr);
      this.cache.set(node, norm);
      return norm;
    } finally {
      this.inProgress.delete(node);
    }
  }

  private fromBoolean(value: boolean, ptr: string): NormSchema {
    const s = blank(value ? EMPTY : FALSE_KEY, ptr);
    s.nothing = !value;
    s.nullable = value;
    return s;
  }

  private build(node: JsonObject, ptr: string): NormSchema {
    const own = this.own(node, ptr);
    const conjuncts: NormSchema[] = [];
    const ref = refOf(node);
    if (ref !== undefined && Object.keys(node).some((k) => k !== '$ref' && !ANNOTATIONS.has(k))) {
      // 3.1: a $ref with sibling keywords is the conjunction of both.
      conjuncts.push(this.normalize({ node: { $ref: ref }, ptr }));
    }
    if (Array.isArray(node.allOf)) {
      node.allOf.forEach((branch, i) => conjuncts.push(this.normalize({ node: branch, ptr: child(ptr, 'allOf', i) })));
    }
    const explicitNull = node.nullable === true || (Array.isArray(node.type) && node.type.includes('null'));
    const ownAllowsNull = node.type === undefined || own.nullable;
    for (const c of conjuncts) {
      this.merge(own, c);
    }
    // 3.0 writes "a nullable X" as `{nullable: true, allOf: [X]}`: honour the intent.
    if (conjuncts.length > 0) {
      own.nullable = explicitNull || (ownAllowsNull && conjuncts.every((c) => c.nullable));
    }
    this.foldNullBranches(own);
    infer(own);
    return own;
  }

  /** The schema's own keywords, before allOf. */
  private own(node: JsonObject, ptr: string): NormSchema {
    const s = blank(node, ptr);
    s.title = typeof node.title === 'string' ? node.title : undefined;
    // The last two pointer segments, without splitting the whole pointer.
    const last = ptr.lastIndexOf('/');
    if (last >= 0) {
      const parent = ptr.slice(ptr.lastIndexOf('/', last - 1) + 1, last);
      if (parent === 'schemas' || parent === 'definitions') {
        s.name = ptr.slice(last + 1);
      }
    }
    // Types: 3.1 arrays, 3.0 `nullable`.
    const type = node.type;
    const declared = Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : undefined;
    if (declared) {
      s.types = new Set(declared.filter((t) => t !== 'null'));
      s.nullable = declared.includes('null') || node.nullable === true;
    } else {
      s.nullable = node.nullable === true || !hasConstraints(node);
    }
    if (typeof node.format === 'string') {
      s.format = node.format;
    }
    if (Array.isArray(node.enum)) {
      s.enum = node.enum.filter((v) => v !== null);
      if (node.enum.includes(null) && !declared) {
        s.nullable = true;
      }
    }
    if ('const' in node && node.const !== undefined) {
      s.enum = node.const === null ? [] : [node.const];
    }
    if (typeof node.pattern === 'string') {
      s.pattern = node.pattern;
    }
    s.lower = bound(node.minimum, node.exclusiveMinimum);
    s.upper = bound(node.maximum, node.exclusiveMaximum);
    for (const k of COUNT_KEYWORDS) {
      if (typeof node[k] === 'number') {
        s.counts[k] = node[k];
      }
    }
    if (typeof node.multipleOf === 'number' && node.multipleOf > 0) {
      s.multipleOf = node.multipleOf;
    }
    s.uniqueItems = node.uniqueItems === true;
    if (isObject(node.properties)) {
      for (const [name, value] of Object.entries(node.properties)) {
        s.properties.set(name, { node: value, ptr: child(ptr, 'properties', name) });
      }
    }
    if (Array.isArray(node.required)) {
      for (const r of node.required) {
        if (typeof r === 'string') {
          s.required.add(r);
        }
      }
    }
    const ap = node.additionalProperties;
    if (ap === false) {
      s.additional = { kind: 'closed' };
    } else if (isObject(ap) && Object.keys(ap).length > 0) {
      s.additional = { kind: 'schema', schema: { node: ap, ptr: child(ptr, 'additionalProperties') } };
    }
    if (node.items !== undefined && !Array.isArray(node.items)) {
      s.items = { node: node.items, ptr: child(ptr, 'items') };
    }
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const list = node[keyword];
      if (Array.isArray(list) && !s.union) {
        s.union = { keyword, branches: list.map((b: unknown, i) => ({ node: b, ptr: child(ptr, keyword, i) })) };
      }
    }
    s.pureUnion = s.union !== undefined && !declared && s.properties.size === 0;
    const d = node.discriminator;
    if (isObject(d) && typeof d.propertyName === 'string') {
      const mapping = new Map<string, string>();
      if (isObject(d.mapping)) {
        for (const [k, v] of Object.entries(d.mapping)) {
          if (typeof v === 'string') {
            mapping.set(k, schemaName(v));
          }
        }
      }
      s.discriminator = { propertyName: d.propertyName, mapping };
    }
    if ('default' in node) {
      s.default = { value: node.default };
    }
    s.readOnly = node.readOnly === true;
    s.writeOnly = node.writeOnly === true;
    return s;
  }

  /** allOf: the conjunction of `other` into `into`. */
  private merge(into: NormSchema, other: NormSchema): void {
    into.nothing ||= other.nothing;
    into.types = intersectTypes(into.types, other.types);
    into.format ??= other.format;
    into.pattern ??= other.pattern;
    if (other.enum) {
      const keep = new Set(other.enum.map(canonical));
      into.enum = into.enum ? into.enum.filter((v) => keep.has(canonical(v))) : other.enum;
    }
    into.lower = tighter(into.lower, other.lower, 1);
    into.upper = tighter(into.upper, other.upper, -1);
    for (const k of COUNT_KEYWORDS) {
      const a = into.counts[k];
      const b = other.counts[k];
      if (b !== undefined) {
        into.counts[k] = a === undefined ? b : k.startsWith('min') ? Math.max(a, b) : Math.min(a, b);
      }
    }
    into.multipleOf ??= other.multipleOf;
    into.uniqueItems ||= other.uniqueItems;
    for (const [name, loc] of other.properties) {
      const mine = into.properties.get(name);
      into.properties.set(name, mine ? this.conjunction(mine, loc) : loc);
    }
    for (const r of other.required) {
      into.required.add(r);
    }
    if (other.additional.kind === 'closed') {
      into.additional = other.additional;
    } else if (other.additional.kind === 'schema' && into.additional.kind === 'open') {
      into.additional = other.additional;
    }
    if (other.items) {
      into.items = into.items ? this.conjunction(into.items, other.items) : other.items;
    }
    if (!into.union && other.union) {
      into.union = other.union;
      into.pureUnion = into.pureUnion || (into.types === undefined && into.properties.size === 0);
    }
    into.discriminator ??= other.discriminator;
    if (into.default === undefined && other.default !== undefined) {
      into.default = other.default;
    }
    into.readOnly ||= other.readOnly;
    into.writeOnly ||= other.writeOnly;
  }

  /** A stable synthetic `{allOf: [a, b]}` for two schemas given for one property. */
  private conjunction(a: Located, b: Located): Located {
    const ka = this.view.resolve(a.node, a.ptr).node;
    const kb = this.view.resolve(b.node, b.ptr).node;
    if (ka === kb || !isObject(ka) || !isObject(kb)) {
      return a;
    }
    let inner = this.synthetic.get(ka);
    if (!inner) {
      this.synthetic.set(ka, (inner = new WeakMap()));
    }
    let node = inner.get(kb);
    if (!node) {
      inner.set(kb, (node = { allOf: [ka, kb] }));
    }
    return { node, ptr: a.ptr };
  }

  /** `oneOf: [X, {type: 'null'}]` means "X, nullable": fold it so 3.0 and 3.1 spellings agree. */
  private foldNullBranches(s: NormSchema): void {
    if (!s.union) {
      return;
    }
    const kept: Located[] = [];
    let sawNull = false;
    for (const b of s.union.branches) {
      const n = this.normalize(b);
      if (n.types !== undefined && n.types.size === 0 && n.nullable && !n.nothing) {
        sawNull = true;
      } else {
        kept.push(b);
      }
    }
    if (!sawNull) {
      return;
    }
    s.nullable = true;
    if (kept.length === 1 && s.pureUnion) {
      s.union = undefined;
      s.pureUnion = false;
      const only = this.normalize(kept[0]);
      this.merge(s, only);
      if (!s.title && only.title) {
        s.title = only.title;
      }
      s.name ??= only.name;
    } else {
      s.union = { ...s.union, branches: kept };
    }
  }
}

const FALSE_KEY = Object.freeze({ not: {} });

function blank(key: object, ptr: string): NormSchema {
  return {
    key,
    ptr,
    nothing: false,
    nullable: false,
    counts: {},
    uniqueItems: false,
    properties: new Map(),
    required: new Set(),
    additional: { kind: 'open' },
    pureUnion: false,
    readOnly: false,
    writeOnly: false,
  };
}

function hasConstraints(node: JsonObject): boolean {
  return Object.keys(node).some((k) => !ANNOTATIONS.has(k) && k !== 'nullable' && !k.startsWith('x-'));
}

/** Objects and arrays are often written without `type`; read them as what they are. */
function infer(s: NormSchema): void {
  if (s.types !== undefined || s.union || s.nothing) {
    return;
  }
  if (s.properties.size > 0 || s.required.size > 0 || s.additional.kind !== 'open') {
    s.types = new Set(['object']);
  } else if (s.items) {
    s.types = new Set(['array']);
  } else if (s.enum && s.enum.length > 0) {
    s.types = new Set(s.enum.map(jsonType));
  }
}

export function jsonType(v: unknown): string {
  if (Array.isArray(v)) {
    return 'array';
  }
  if (v === null) {
    return 'null';
  }
  if (typeof v === 'number') {
    return Number.isInteger(v) ? 'integer' : 'number';
  }
  return typeof v;
}

function intersectTypes(a?: Set<string>, b?: Set<string>): Set<string> | undefined {
  if (!a) {
    return b ? new Set(b) : undefined;
  }
  if (!b) {
    return a;
  }
  const out = new Set<string>();
  for (const t of a) {
    if (b.has(t)) {
      out.add(t);
    } else if (t === 'number' && b.has('integer')) {
      out.add('integer');
    } else if (t === 'integer' && b.has('number')) {
      out.add('integer');
    }
  }
  return out;
}

function bound(inclusive: Json, exclusive: Json): Bound | undefined {
  const inc = typeof inclusive === 'number' ? inclusive : undefined;
  if (typeof exclusive === 'number') {
    const excl: Bound = { value: exclusive, exclusive: true };
    return inc === undefined ? excl : tighter({ value: inc, exclusive: false }, excl, inclusive === exclusive ? 1 : 0);
  }
  if (inc === undefined) {
    return undefined;
  }
  return { value: inc, exclusive: exclusive === true };
}

/**
 * The stricter of two bounds. `sign` 1 for lower bounds (bigger is stricter), -1 for
 * upper bounds; 0 picks by exclusivity alone (used while reading one schema).
 */
function tighter(a: Bound | undefined, b: Bound | undefined, sign: number): Bound | undefined {
  if (!a) {
    return b;
  }
  if (!b) {
    return a;
  }
  if (a.value === b.value) {
    return a.exclusive ? a : b;
  }
  if (sign === 0) {
    return a.exclusive ? a : b;
  }
  return (b.value - a.value) * sign > 0 ? b : a;
}

/** `#/components/schemas/Cat` and `Cat` name the same mapping target. */
export function schemaName(ref: string): string {
  const i = ref.lastIndexOf('/');
  return i >= 0 ? ref.slice(i + 1) : ref;
}
