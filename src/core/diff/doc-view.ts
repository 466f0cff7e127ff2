/**
 * A read-only view of one side of a diff: follows internal `#/...` $refs on demand
 * and remembers where each node physically lives, so a change inside a shared
 * component is reported at the component (the line a person edits), while a
 * pure $ref refactor compares as no change at all.
 */
import type { SourceRef } from '../report/source-ref';
import { escapePointerSegment, parsePointer } from '../report/source-ref';
import type { DiffSide } from './diff.types';

export type Json = unknown;
export type JsonObject = Record<string, unknown>;

/** A node together with the pointer of its physical location. */
export interface Located<T = Json> {
  node: T;
  ptr: string;
}

const MAX_REF_HOPS = 64;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Called for every property of every schema compared: no regex for plain segments. */
export function child(ptr: string, ...segments: Array<string | number>): string {
  let out = ptr;
  for (const s of segments) {
    const text = String(s);
    out += '/' + (text.includes('~') || text.includes('/') ? escapePointerSegment(text) : text);
  }
  return out;
}

export class DocView {
  readonly root: JsonObject;
  readonly file?: string;
  private readonly locateFn?: DiffSide['locate'];
  private readonly sourceFn?: DiffSide['source'];

  constructor(side: DiffSide) {
    this.root = side.document;
    this.file = side.file;
    this.locateFn = side.locate;
    this.sourceFn = side.source;
  }

  /** Follow `$ref` chains (internal only) from `node`; external or broken refs stay as they are. */
  resolve<T = Json>(node: Json, ptr: string): Located<T> {
    let current: Located = { node, ptr };
    for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
      const ref = refOf(current.node);
      if (ref === undefined) {
        break;
      }
      const target = this.lookup(ref);
      if (target === undefined) {
        break;
      }
      current = target;
    }
    return current as Located<T>;
  }

  /** The node at an internal reference `#/a/b`, or undefined. */
  lookup(ref: string): Located | undefined {
    if (!ref.startsWith('#')) {
      return undefined;
    }
    let node: Json = this.root;
    for (const segment of parsePointer(ref)) {
      if (Array.isArray(node)) {
        node = node[Number(segment)];
      } else if (isObject(node)) {
        node = node[segment];
      } else {
        return undefined;
      }
      if (node === undefined) {
        return undefined;
      }
    }
    return { node, ptr: ref.slice(1) };
  }

  /** Resolve `parent[key]` when it exists. */
  get<T = Json>(parent: Located, ...keys: Array<string | number>): Located<T> | undefined {
    let current: Located = parent;
    for (const key of keys) {
      const resolved = this.resolve(current.node, current.ptr);
      const n = resolved.node as Record<string | number, unknown> | unknown[] | null;
      if (n === null || typeof n !== 'object') {
        return undefined;
      }
      const value = (n as Record<string | number, unknown>)[key];
      if (value === undefined) {
        return undefined;
      }
      current = this.resolve(value, child(resolved.ptr, key));
    }
    return current as Located<T>;
  }

  /** Resolved object entries of `parent[key]` (an object map), in document order. */
  entries(parent: Located | undefined, key?: string): Array<[string, Located]> {
    const map = parent === undefined ? undefined : key === undefined ? parent : this.get(parent, key);
    if (!map || !isObject(map.node)) {
      return [];
    }
    return Object.entries(map.node)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, this.resolve(v, child(map.ptr, k))]);
  }

  /** Resolved items of an array at `parent[key]`. */
  items(parent: Located | undefined, key: string): Located[] {
    const arr = parent === undefined ? undefined : this.get(parent, key);
    if (!arr || !Array.isArray(arr.node)) {
      return [];
    }
    return arr.node.map((v, i) => this.resolve(v, child(arr.ptr, i)));
  }

  source(ptr: string): SourceRef {
    if (this.sourceFn) {
      return this.sourceFn(ptr);
    }
    const at = this.locateFn?.(ptr);
    const ref: SourceRef = { pointer: ptr };
    if (this.file !== undefined) {
      ref.file = this.file;
    }
    if (at) {
      ref.line = at.line;
      ref.column = at.column;
    }
    return ref;
  }

  at(ptr = ''): Located {
    return this.lookup('#' + ptr) ?? { node: undefined, ptr };
  }
}

export function refOf(node: Json): string | undefined {
  return isObject(node) && typeof node.$ref === 'string' ? node.$ref : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
