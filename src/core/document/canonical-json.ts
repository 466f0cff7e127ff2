/**
 * Canonical JSON for digests: object keys sorted by UTF-16 code units, no
 * whitespace, JSON.stringify's escaping of strings and numbers (so YAML `1.0` and
 * JSON `1.0` both become `1`). Same content in YAML or JSON, same text, same digest.
 * Iterative, so a deep (but limit-checked) document cannot overflow the stack;
 * shared subtrees (YAML aliases) are written out in full, as JSON would.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // Work items: a value to write, or a literal piece of text.
  const stack: Array<{ v: unknown } | string> = [{ v: value }];
  while (stack.length > 0) {
    const item = stack.pop() as { v: unknown } | string;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const v = item.v;
    if (v === null || typeof v !== 'object') {
      out.push(scalar(v));
      continue;
    }
    const json = (v as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') {
      stack.push({ v: json.call(v) });
      continue;
    }
    if (Array.isArray(v)) {
      stack.push(']');
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ v: v[i] === undefined || typeof v[i] === 'function' ? null : v[i] });
        if (i > 0) {
          stack.push(',');
        }
      }
      stack.push('[');
      continue;
    }
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
      .sort(compareKeys);
    stack.push('}');
    for (let i = keys.length - 1; i >= 0; i--) {
      stack.push({ v: record[keys[i]] });
      stack.push(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`);
    }
    stack.push('{');
  }
  return out.join('');
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function scalar(v: unknown): string {
  if (typeof v === 'bigint') {
    return v.toString();
  }
  return JSON.stringify(v) ?? 'null';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
