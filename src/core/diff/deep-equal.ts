/**
 * Structural equality of two JSON graphs that may share objects or contain
 * cycles (dereferenced documents): pairs already compared or under comparison
 * are assumed equal, so the walk is linear in the size of the graphs. Iterative,
 * so a deep graph cannot exhaust the stack.
 */
export function deepEqual(a: unknown, b: unknown, ignore?: (path: readonly string[]) => boolean): boolean {
  const assumed = new WeakMap<object, WeakSet<object>>();
  const stack: Array<{ x: unknown; y: unknown; path: string[] }> = [{ x: a, y: b, path: [] }];
  while (stack.length > 0) {
    const { x, y, path } = stack.pop()!;
    if (x === y) {
      continue;
    }
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      return false;
    }
    if (Array.isArray(x) !== Array.isArray(y)) {
      return false;
    }
    let seen = assumed.get(x);
    if (!seen) {
      assumed.set(x, (seen = new WeakSet()));
    }
    if (seen.has(y)) {
      continue;
    }
    seen.add(y);
    const xo = x as Record<string, unknown>;
    const yo = y as Record<string, unknown>;
    const xk = Object.keys(xo).filter((k) => xo[k] !== undefined);
    const yk = Object.keys(yo).filter((k) => yo[k] !== undefined);
    if (xk.length !== yk.length) {
      // Only an ignored key may make the key sets differ.
      const all = new Set([...xk, ...yk]);
      for (const k of all) {
        if (!(k in xo && k in yo) && !ignore?.([...path, k])) {
          return false;
        }
      }
    }
    for (const k of new Set([...xk, ...yk])) {
      const p = path.length < 4 ? [...path, k] : path; // ignore() only looks at the top of the document
      if (ignore?.(p) && p !== path) {
        continue;
      }
      stack.push({ x: xo[k], y: yo[k], path: p });
    }
  }
  return true;
}
