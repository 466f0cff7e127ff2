/**
 * What a route-table build acquires by signature and the live table keeps using:
 * rate limiters (their counts), upstream pools (warm connections, breaker state),
 * JWT verifiers (the JWKS cache). A build takes the live one when the signature
 * is unchanged, or creates one; `commit` (the new table is live) hands what the
 * old table used and the new one does not to `retire`; `rollback` (the build
 * failed) hands what the build created to `discard`, and the live set stays.
 */
export interface ReloadCacheHooks<T> {
  retire?(retired: T[]): void;
  discard?(unused: T): void;
}

export class ReloadCache<T> {
  private live = new Map<string, T>();
  private pending = new Map<string, T>();

  constructor(private readonly hooks: ReloadCacheHooks<T> = {}) {}

  acquire(signature: string, create: () => T): T {
    let value = this.pending.get(signature) ?? this.live.get(signature);
    if (value === undefined) {
      value = create();
    }
    this.pending.set(signature, value);
    return value;
  }

  commit(): void {
    const retired = [...this.live].filter(([signature]) => !this.pending.has(signature)).map(([, value]) => value);
    this.live = this.pending;
    this.pending = new Map();
    if (retired.length > 0) {
      this.hooks.retire?.(retired);
    }
  }

  rollback(): void {
    for (const [signature, value] of this.pending) {
      if (!this.live.has(signature)) {
        this.hooks.discard?.(value);
      }
    }
    this.pending = new Map();
  }

  /** Everything held, live or acquired by a build in progress, and empties the cache. */
  drain(): T[] {
    const all = [...new Set([...this.live.values(), ...this.pending.values()])];
    this.live = new Map();
    this.pending = new Map();
    return all;
  }
}
