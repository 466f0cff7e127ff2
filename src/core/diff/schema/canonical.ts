/**
 * Canonical JSON text of a value (sorted keys), used to compare enum values and
 * small literals. Shared objects seen twice on one path (cycles) print as a marker,
 * so a dereferenced recursive graph still terminates.
 */
export function canonical(value: unknown): string {
  const stack = new Set<object>();
  const walk = (v: unknown): string => {
    if (v === null || typeof v !== 'object') {
      return JSON.stringify(v) ?? 'null';
    }
    if (stack.has(v)) {
      return '"[cycle]"';
    }
    stack.add(v);
    try {
      if (Array.isArray(v)) {
        return '[' + v.map(walk).join(',') + ']';
      }
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return '{' + keys.map((k) => JSON.stringify(k) + ':' + walk(obj[k])).join(',') + '}';
    } finally {
      stack.delete(v);
    }
  };
  return walk(value);
}
