/**
 * A fully dereferenced copy of a (bundled) document: every internal `$ref` that is
 * a reference (see ref-walk: not those inside examples, extensions, enum...) is
 * replaced by its target. Each target becomes exactly one JS object, shared by all
 * the places that reference it, so a recursive schema is an object cycle rather
 * than an infinite tree. The input is never mutated.
 *
 * Iterative: objects are created empty, memoized by their source object, then
 * filled from a work list, so depth of references never touches the call stack.
 * A `$ref` with sibling keys (allowed in OpenAPI 3.1 / JSON Schema 2020-12) becomes
 * a new object: the target's keys, overridden by the siblings.
 */
import type { Issue } from '../report/issue';
import { fail, ok, type Result } from '../result';
import { quote } from './issues';
import { resolvePointer, splitFragment, toPointer } from './json-pointer';
import { collectRefs, type FoundRef } from './ref-walk';

type Container = Record<string, unknown> | unknown[];

export function dereference(document: Record<string, unknown>): Result<Record<string, unknown>> {
  const kind = Object.prototype.hasOwnProperty.call(document, 'asyncapi') ? 'asyncapi' : 'openapi';
  const holders = new Map<object, FoundRef>();
  for (const found of collectRefs(document, kind)) {
    if (!holders.has(found.holder)) {
      holders.set(found.holder, found);
    }
  }

  const copies = new Map<object, unknown>();
  const fills: Array<[Container, Container]> = [];
  const merges: Array<{ into: Record<string, unknown>; target: unknown; siblings: Record<string, unknown> }> = [];
  const errors: Issue[] = [];

  const copyOf = (raw: unknown): unknown => {
    if (raw === null || typeof raw !== 'object') {
      return raw;
    }
    if (copies.has(raw)) {
      return copies.get(raw);
    }
    const ref = holders.get(raw);
    if (ref) {
      return resolveHolder(raw as Record<string, unknown>, ref);
    }
    const out: Container = Array.isArray(raw) ? [] : {};
    copies.set(raw, out);
    fills.push([raw as Container, out]);
    return out;
  };

  const resolveHolder = (holder: Record<string, unknown>, found: FoundRef): unknown => {
    const seen = new Set<object>();
    let current: unknown = holder;
    let currentRef: FoundRef | undefined = found;
    while (currentRef) {
      if (seen.has(current as object)) {
        errors.push(at('REF_CYCLE', `$ref ${quote(found.ref)} only leads to itself`, found));
        return setCopy(holder, undefined);
      }
      seen.add(current as object);
      const segments = currentRef.ref.startsWith('#') ? splitFragment(currentRef.ref.slice(1)) : undefined;
      const target = segments ? resolvePointer(document, segments) : undefined;
      if (!target?.found) {
        const why = currentRef.ref.startsWith('#') ? 'points to nothing in this document' : 'is not internal (bundle the contract first)';
        errors.push(at('REF_NOT_FOUND', `$ref ${quote(currentRef.ref)} ${why}`, currentRef));
        return setCopy(holder, undefined);
      }
      current = target.value;
      currentRef = current !== null && typeof current === 'object' ? holders.get(current) : undefined;
    }
    const { $ref: _ref, ...siblings } = holder;
    if (Object.keys(siblings).length === 0 || current === null || typeof current !== 'object' || Array.isArray(current)) {
      return setCopy(holder, copyOf(current));
    }
    const merged: Record<string, unknown> = {};
    setCopy(holder, merged);
    merges.push({ into: merged, target: copyOf(current), siblings });
    return merged;
  };

  const setCopy = (raw: object, value: unknown): unknown => {
    copies.set(raw, value);
    return value;
  };

  /** Fills every copied container queued so far (iteratively: no recursion, any depth). */
  const drainFills = (): void => {
    while (fills.length > 0) {
      const [raw, out] = fills.pop() as [Container, Container];
      if (Array.isArray(raw)) {
        for (let i = 0; i < raw.length; i++) {
          (out as unknown[])[i] = copyOf(raw[i]);
        }
      } else {
        for (const key of Object.keys(raw)) {
          setOwn(out as Record<string, unknown>, key, copyOf(raw[key]));
        }
      }
    }
  };

  const root = copyOf(document);
  drainFills();
  // Targets are all filled by now; sibling objects are copied (and filled) here.
  for (const { into, target, siblings } of merges) {
    for (const [key, value] of Object.entries(target as Record<string, unknown>)) {
      setOwn(into, key, value);
    }
    const extra = copyOf(siblings) as Record<string, unknown>;
    drainFills();
    for (const [key, value] of Object.entries(extra)) {
      setOwn(into, key, value);
    }
  }
  if (errors.length > 0) {
    return fail(...errors);
  }
  return ok(root as Record<string, unknown>);
}

function at(code: Issue['code'], message: string, found: FoundRef): Issue {
  return { code, message, source: { pointer: toPointer([...found.path, '$ref']) } };
}

/** Plain assignment would turn an own `__proto__` key into a prototype change. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
