/**
 * One iterative walk over parsed data that enforces the nesting limit and, for
 * YAML, bounds how far aliases expand. `yaml` shares one JS object between all
 * aliases of an anchor, so the data is a DAG: every later pass (validation,
 * canonical JSON, diff) pays for the expanded size. Without aliases a document of
 * n characters has at most n + 1 nodes, so a budget a little above that can only be
 * exceeded through aliases. A recursive alias (`&a [*a]`) makes a cycle, which
 * shows up here as infinite depth.
 */
export interface ShapeProblem {
  code: 'DEPTH_LIMIT_EXCEEDED' | 'ALIAS_LIMIT_EXCEEDED';
  path: string[];
  /** Depth came from a recursive alias (the data is a cycle). */
  cycle?: boolean;
}

export function checkShape(data: unknown, maxDepth: number, maxNodes: number): ShapeProblem | undefined {
  if (data === null || typeof data !== 'object') {
    return undefined;
  }
  if (maxDepth < 1) {
    return { code: 'DEPTH_LIMIT_EXCEEDED', path: [] };
  }
  const containers: object[] = [data];
  const keyLists: (string[] | null)[] = [Array.isArray(data) ? null : Object.keys(data)];
  const indexes: number[] = [0];
  const path: string[] = [];
  let nodes = 1;
  while (containers.length > 0) {
    const top = containers.length - 1;
    const container = containers[top] as Record<string, unknown> & unknown[];
    const keys = keyLists[top];
    const i = indexes[top];
    if (i >= (keys ? keys.length : container.length)) {
      containers.pop();
      keyLists.pop();
      indexes.pop();
      path.pop();
      continue;
    }
    indexes[top] = i + 1;
    const key = keys ? keys[i] : i;
    const value: unknown = container[key as never];
    if (++nodes > maxNodes) {
      return { code: 'ALIAS_LIMIT_EXCEEDED', path: [...path, String(key)] };
    }
    if (value !== null && typeof value === 'object') {
      if (containers.length >= maxDepth) {
        return depthProblem(containers, [...path, String(key)], value);
      }
      containers.push(value);
      keyLists.push(Array.isArray(value) ? null : Object.keys(value));
      indexes.push(0);
      path.push(String(key));
    }
  }
  return undefined;
}

/** Past the depth limit: name the recursive alias if that is the cause, else the deepest path. */
function depthProblem(containers: object[], path: string[], next: object): ShapeProblem {
  const first = containers.indexOf(next);
  if (first === -1) {
    return { code: 'DEPTH_LIMIT_EXCEEDED', path, cycle: false };
  }
  // The node re-enters itself at depth `first + 1` below itself: the alias is there.
  const again = containers.indexOf(containers[first], first + 1);
  return { code: 'DEPTH_LIMIT_EXCEEDED', path: path.slice(0, again === -1 ? path.length : again), cycle: true };
}
