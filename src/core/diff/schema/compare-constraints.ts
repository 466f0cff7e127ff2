/**
 * Value-level keywords of one schema pair: type, nullability, format, enum,
 * pattern, numeric and size bounds, multipleOf, uniqueItems, default. Each
 * difference becomes a neutral fact that says whether head accepts fewer values
 * (`tightened`) or more (`loosened`) than base; the rules give that a direction.
 */
import type { Direction } from '../diff.types';
import type { Bound, NormSchema } from './normalize';
import { COUNT_KEYWORDS } from './normalize';
import type { LocalFact } from './pair-graph';
import { canonical } from './canonical';

/** Formats whose values include all values of another (int32 ⊂ int64). */
const WIDER_FORMAT: Record<string, string> = { int32: 'int64', float: 'double' };

export function compareConstraints(b: NormSchema, h: NormSchema, dir: Direction, out: LocalFact[]): void {
  const fact = (kind: LocalFact['kind'], details: LocalFact['details']): void => {
    out.push({ kind, basePtr: b.ptr, headPtr: h.ptr, details });
  };
  if (b.nullable !== h.nullable) {
    fact('nullable-changed', { from: b.nullable, to: h.nullable });
  }
  if (b.pureUnion || h.pureUnion) {
    return; // a bare union's own keywords are its branches'
  }

  const types = typeChange(b.types, h.types);
  if (types) {
    fact('type-changed', types);
  }

  if (b.format !== h.format) {
    const widened = b.format !== undefined && (h.format === undefined || WIDER_FORMAT[b.format] === h.format);
    const narrowed = h.format !== undefined && (b.format === undefined || WIDER_FORMAT[h.format] === b.format);
    const incomparable = !widened && !narrowed;
    fact('format-changed', { from: b.format, to: h.format, loosened: widened || incomparable, tightened: narrowed || incomparable });
  }

  if (b.enum && h.enum) {
    const bk = new Map(b.enum.map((v) => [canonical(v), v]));
    const hk = new Map(h.enum.map((v) => [canonical(v), v]));
    const added = [...hk].filter(([k]) => !bk.has(k)).map(([, v]) => v);
    const removed = [...bk].filter(([k]) => !hk.has(k)).map(([, v]) => v);
    if (added.length) {
      fact('enum-values-added', { values: added });
    }
    if (removed.length) {
      fact('enum-values-removed', { values: removed });
    }
  } else if (b.enum || h.enum) {
    fact('constraint-changed', { keyword: 'enum', from: b.enum, to: h.enum, tightened: !!h.enum, loosened: !!b.enum });
  }

  if (b.pattern !== h.pattern) {
    if (b.pattern !== undefined && h.pattern !== undefined) {
      fact('pattern-changed', { from: b.pattern, to: h.pattern });
    } else {
      fact('constraint-changed', { keyword: 'pattern', from: b.pattern, to: h.pattern, tightened: !!h.pattern, loosened: !!b.pattern });
    }
  }

  boundChange(b.lower, h.lower, 1, b.lower?.exclusive || h.lower?.exclusive ? 'exclusiveMinimum' : 'minimum', fact);
  boundChange(b.upper, h.upper, -1, b.upper?.exclusive || h.upper?.exclusive ? 'exclusiveMaximum' : 'maximum', fact);
  for (const k of COUNT_KEYWORDS) {
    const from = b.counts[k];
    const to = h.counts[k];
    if (from === to) {
      continue;
    }
    const sign = k.startsWith('min') ? 1 : -1;
    const cmp = from === undefined ? 1 : to === undefined ? -1 : Math.sign((to - from) * sign);
    fact('constraint-changed', { keyword: k, from, to, tightened: cmp > 0, loosened: cmp < 0 });
  }
  if (b.multipleOf !== h.multipleOf) {
    const from = b.multipleOf;
    const to = h.multipleOf;
    // Multiples of `to` are all multiples of `from` iff `to` is a multiple of `from`.
    const tightened = to !== undefined && (from === undefined || !divides(to, from));
    const loosened = from !== undefined && (to === undefined || !divides(from, to));
    fact('constraint-changed', { keyword: 'multipleOf', from, to, tightened, loosened });
  }
  if (b.uniqueItems !== h.uniqueItems) {
    fact('constraint-changed', { keyword: 'uniqueItems', from: b.uniqueItems, to: h.uniqueItems, tightened: h.uniqueItems, loosened: b.uniqueItems });
  }
  if (dir === 'request' && b.default !== undefined && canonical(b.default.value) !== canonical(h.default?.value)) {
    fact('default-changed', { from: b.default.value, to: h.default?.value });
  }
}

/** Is `n` a multiple of `d`? */
function divides(d: number, n: number): boolean {
  const q = n / d;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

function typeChange(from?: Set<string>, to?: Set<string>): LocalFact['details'] | undefined {
  const list = (s?: Set<string>): string[] => (s ? [...s].sort() : ['any']);
  if (from === undefined && to === undefined) {
    return undefined;
  }
  const covers = (set: Set<string> | undefined, t: string): boolean => !set || set.has(t) || (t === 'integer' && set.has('number'));
  const lost = from ? [...from].filter((t) => !covers(to, t)) : to ? ['any'] : [];
  const gained = to ? [...to].filter((t) => !covers(from, t)) : from ? ['any'] : [];
  if (lost.length === 0 && gained.length === 0) {
    return undefined;
  }
  return { from: list(from), to: list(to), values: gained.length ? gained : lost, tightened: lost.length > 0, loosened: gained.length > 0 };
}

function boundChange(
  from: Bound | undefined,
  to: Bound | undefined,
  sign: number,
  keyword: string,
  fact: (kind: 'constraint-changed', details: LocalFact['details']) => void,
): void {
  if (!from && !to) {
    return;
  }
  if (from && to && from.value === to.value && from.exclusive === to.exclusive) {
    return;
  }
  let cmp: number;
  if (!from) {
    cmp = 1;
  } else if (!to) {
    cmp = -1;
  } else if (from.value === to.value) {
    cmp = to.exclusive ? 1 : -1;
  } else {
    cmp = Math.sign((to.value - from.value) * sign);
  }
  const show = (v?: Bound): string | undefined => (v ? `${v.exclusive ? (sign > 0 ? '>' : '<') : sign > 0 ? '>=' : '<='} ${v.value}` : undefined);
  fact('constraint-changed', { keyword, from: show(from), to: show(to), tightened: cmp > 0, loosened: cmp < 0 });
}

/** Do two type sets share any value (integer lives inside number)? */
export function typesOverlap(a?: Set<string>, b?: Set<string>): boolean {
  if (!a || !b) {
    return true;
  }
  for (const t of a) {
    if (b.has(t) || (t === 'integer' && b.has('number')) || (t === 'number' && b.has('integer'))) {
      return true;
    }
  }
  return false;
}
