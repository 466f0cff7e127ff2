/**
 * Names for bundled components: readable (the target's own name, `Shipment` from
 * `shipment.yaml#/Shipment`, or the file's stem for a whole-file ref), stable (same
 * tree, same names: the bundler asks in document order) and collision-free (a name
 * already used in that section, by the entry or an earlier target, gets the file
 * stem as prefix, then a number).
 */
export class ComponentNamer {
  private readonly used = new Map<string, Set<string>>();

  constructor(private readonly existing: Record<string, unknown> | undefined) {}

  pick(section: string, file: string, segments: readonly string[]): string {
    let used = this.used.get(section);
    if (!used) {
      const current = this.existing?.[section];
      used = new Set(current !== null && typeof current === 'object' ? Object.keys(current) : []);
      this.used.set(section, used);
    }
    const stem = sanitize(file.slice(file.lastIndexOf('/') + 1).replace(/(\.(openapi|asyncapi))?\.(ya?ml|json)$/i, ''));
    const last = segments.length > 0 ? sanitize(segments[segments.length - 1]) : '';
    const base = last || stem || 'ref';
    let name = [base, `${stem}_${base}`].find((c) => !used.has(c));
    for (let n = 2; !name; n++) {
      if (!used.has(`${base}_${n}`)) {
        name = `${base}_${n}`;
      }
    }
    used.add(name);
    return name;
  }
}

/** Component names must match `^[a-zA-Z0-9._-]+$` (OpenAPI and AsyncAPI alike). */
function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
}
