/**
 * Multi-file contract -> one self-contained document. Each relative-file `$ref`
 * target is read through the ContractSource, copied into `components` under a
 * stable, readable, collision-free name (or inlined where the spec has no section
 * for it) and the ref rewritten to an internal one. Refs inside a copied target are
 * relative to *its* file, so they are rewritten the same way, transitively.
 *
 * Invariants: a target is copied once (keyed by file + pointer, registered before
 * its content is processed, so cross-file cycles terminate); remote refs and refs
 * leaving the tree are refused here, before any read; output is deterministic (refs
 * are processed in document order). The entry's data is owned by the loader and
 * rewritten in place; other files' subtrees are cloned before rewriting, since one
 * file may be targeted at several overlapping pointers.
 */
import type { Issue } from '../report/issue';
import { fail, ok, type Result } from '../result';
import { ComponentNamer } from './component-namer';
import { sectionFor } from './component-section';
import { issueAt, quote } from './issues';
import { resolvePointer, toPointer } from './json-pointer';
import { parseDocument } from './parse-document';
import { collectRefs, type FoundRef } from './ref-walk';
import { classifyRef } from './ref-target';
import type { ContractKind, ContractSource, DocumentLimits, ParsedDocument } from './types';

const MAX_FILES = 500;

export interface Origin {
  /** Path in the bundled document where content from `file` starts. */
  docPath: string[];
  file: string;
  /** Path of that content inside `file`. */
  filePath: string[];
}

export interface Bundled {
  document: Record<string, unknown>;
  files: string[];
  parsed: Map<string, ParsedDocument>;
  origins: Origin[];
}

export interface BundleInput {
  entry: ParsedDocument;
  kind: ContractKind;
  specVersion: string;
  /** Absent for a single stored document: relative-file refs cannot be resolved. */
  source?: ContractSource;
  limits: DocumentLimits;
}

type Resolution = { ref: string } | { inline: unknown } | undefined;

interface Pending {
  value: unknown;
  file: string;
  filePath: string[];
  docPath: string[];
  section: string;
  name: string;
}

export async function bundleContract(input: BundleInput): Promise<Result<Bundled>> {
  return new Bundler(input).run();
}

class Bundler {
  private readonly entryFile: string;
  private readonly parsed = new Map<string, ParsedDocument>();
  private readonly failedFiles = new Map<string, string>();
  private readonly targets = new Map<string, string>();
  private readonly inlining = new Set<string>();
  private readonly names: ComponentNamer;
  private readonly pending: Pending[] = [];
  private readonly added: Pending[] = [];
  private readonly origins: Origin[] = [];
  private readonly errors: Issue[] = [];
  private totalBytes: number;

  constructor(private readonly input: BundleInput) {
    this.entryFile = input.entry.file;
    this.parsed.set(this.entryFile, input.entry);
    this.totalBytes = input.entry.text.length;
    this.origins.push({ docPath: [], file: this.entryFile, filePath: [] });
    this.names = new ComponentNamer(asRecord(asRecord(input.entry.data)?.components));
  }

  async run(): Promise<Result<Bundled>> {
    const data = this.input.entry.data as Record<string, unknown>;
    const refs = collectRefs(data, this.input.kind);
    // Fast path (and the common case for big single-file documents): nothing to bundle.
    if (refs.some((r) => !r.ref.startsWith('#'))) {
      await this.rewrite(data, this.entryFile, [], [], refs, true);
      while (this.pending.length > 0) {
        const item = this.pending.shift() as Pending;
        item.value = await this.rewrite(item.value, item.file, item.filePath, item.docPath);
        this.added.push(item);
      }
      this.attachComponents(data);
    }
    if (this.errors.length > 0) {
      return fail(...this.errors);
    }
    return ok({ document: data, files: [...this.parsed.keys()], parsed: this.parsed, origins: this.origins });
  }

  /** Rewrites the refs of one unit of content from `file`; returns the (possibly new) content. */
  private async rewrite(
    value: unknown,
    file: string,
    filePath: string[],
    docPath: string[],
    found?: FoundRef[],
    inPlace = false,
  ): Promise<unknown> {
    const n = docPath.length;
    const isExample = docPath[n - 2] === 'examples' && docPath[n - 3] !== 'properties';
    const refs = found ?? collectRefs(value, this.input.kind, [], isExample);
    if (refs.length === 0) {
      return value;
    }
    if (file === this.entryFile && refs.every((r) => r.ref.startsWith('#'))) {
      return value;
    }
    const unit = inPlace ? value : structuredClone(value);
    // Resolve in document order (names and file order follow the document), then
    // apply in reverse: a holder replaced by inlining comes after the refs inside it.
    const resolutions: Resolution[] = [];
    for (const { path, ref } of refs) {
      const at = path.map(String);
      resolutions.push(await this.resolve(ref, file, [...docPath, ...at], [...filePath, ...at]));
    }
    for (let i = refs.length - 1; i >= 0; i--) {
      const resolution = resolutions[i];
      const path = refs[i].path;
      if (resolution === undefined) {
        continue;
      }
      const holder = getAt(unit, path) as Record<string, unknown> | undefined;
      if (!holder) {
        continue;
      }
      if ('ref' in resolution) {
        holder.$ref = resolution.ref;
        continue;
      }
      const { $ref: _dropped, ...siblings } = holder;
      const content = resolution.inline;
      const replaced =
        Object.keys(siblings).length > 0 && content !== null && typeof content === 'object' && !Array.isArray(content)
          ? { ...(content as Record<string, unknown>), ...siblings }
          : content;
      if (path.length === 0) {
        return replaced;
      }
      const parent = getAt(unit, path.slice(0, -1)) as Record<string | number, unknown>;
      parent[path[path.length - 1]] = replaced;
    }
    return unit;
  }

  private async resolve(ref: string, file: string, docPath: string[], filePath: string[]): Promise<Resolution> {
    const pointer = toPointer([...filePath, '$ref']);
    const report = (code: Issue['code'], message: string) => {
      this.errors.push(issueAt(code, message, file, pointer, this.parsed.get(file)));
      return undefined;
    };
    const target = classifyRef(ref, file);
    switch (target.type) {
      case 'remote':
        return report(
          'REMOTE_REF_REFUSED',
          `remote $ref ${quote(ref)} refused: Charter never fetches URLs; put the definition in the contracts tree and reference it by relative path`,
        );
      case 'outside':
        if (!this.input.source) {
          return report('REF_NOT_FOUND', storedTextMessage(ref));
        }
        return report('REF_OUTSIDE_TREE', `$ref ${quote(ref)} resolves outside the contracts tree`);
      case 'invalid':
        return report('REF_NOT_FOUND', `$ref ${quote(ref)}: ${target.reason}`);
      case 'internal':
        if (file === this.entryFile) {
          return { ref };
        }
        return this.target(ref, target.segments, file, docPath, report, file);
      case 'file':
        if (!this.input.source) {
          return report('REF_NOT_FOUND', storedTextMessage(ref));
        }
        if (target.path === this.entryFile) {
          return { ref: fragmentOf(target.segments) };
        }
        return this.target(ref, target.segments, target.path, docPath, report, file);
    }
  }

  private async target(
    ref: string,
    segments: string[],
    targetFile: string,
    docPath: string[],
    report: (code: Issue['code'], message: string) => undefined,
    fromFile: string,
  ): Promise<Resolution> {
    const key = `${targetFile}#${toPointer(segments)}`;
    const known = this.targets.get(key);
    if (known) {
      return { ref: known };
    }
    const doc = await this.load(targetFile, ref, report, fromFile);
    if (!doc) {
      return undefined;
    }
    const resolved = resolvePointer(doc.data, segments);
    if (!resolved.found) {
      return report('REF_NOT_FOUND', `$ref ${quote(ref)}: ${targetFile} has no ${quote(toPointer(segments) || '/')}`);
    }
    const section = sectionFor(this.input.kind, this.input.specVersion, docPath);
    if (section === 'inline') {
      if (this.inlining.has(key)) {
        return report('REF_CYCLE', `$ref ${quote(ref)} includes itself`);
      }
      this.inlining.add(key);
      const content = await this.rewrite(resolved.value, targetFile, segments, docPath);
      this.inlining.delete(key);
      this.origins.push({ docPath, file: targetFile, filePath: segments });
      return { inline: content };
    }
    const name = this.names.pick(section, targetFile, segments);
    const internal = `#/components/${section}/${name}`;
    this.targets.set(key, internal);
    const docAt = ['components', section, name];
    this.pending.push({ value: resolved.value, file: targetFile, filePath: segments, docPath: docAt, section, name });
    this.origins.push({ docPath: docAt, file: targetFile, filePath: segments });
    return { ref: internal };
  }

  private async load(
    file: string,
    ref: string,
    report: (code: Issue['code'], message: string) => undefined,
    fromFile: string,
  ): Promise<ParsedDocument | undefined> {
    const done = this.parsed.get(file);
    if (done) {
      return done;
    }
    const failed = this.failedFiles.get(file);
    if (failed) {
      return report('FILE_NOT_FOUND', `$ref ${quote(ref)}: ${failed}`);
    }
    const source = this.input.source as ContractSource;
    if (this.parsed.size + this.failedFiles.size >= MAX_FILES) {
      return report('DOCUMENT_TOO_LARGE', `a contract may span at most ${MAX_FILES} files`);
    }
    let text: string | undefined;
    try {
      text = await source.read(file);
    } catch (err) {
      const refused = (err as { code?: unknown }).code === 'REF_OUTSIDE_TREE';
      if (refused) {
        return report('REF_OUTSIDE_TREE', `$ref ${quote(ref)}: ${file} resolves outside the contracts tree`);
      }
      this.failedFiles.set(file, `cannot read ${file}`);
      return report('FILE_NOT_FOUND', `$ref ${quote(ref)}: cannot read ${file} (${(err as Error).message})`);
    }
    if (text === undefined) {
      this.failedFiles.set(file, `file ${file} not found (referenced from ${fromFile})`);
      return report('FILE_NOT_FOUND', `$ref ${quote(ref)}: file ${file} not found in the contracts tree`);
    }
    this.totalBytes += text.length;
    if (this.totalBytes > this.input.limits.maxBytes) {
      this.failedFiles.set(file, 'contract too large');
      return report('DOCUMENT_TOO_LARGE', `the contract's files together exceed ${this.input.limits.maxBytes} bytes`);
    }
    const parsed = parseDocument(text, file, this.input.limits);
    if (!parsed.ok) {
      this.failedFiles.set(file, `${file} is not a valid document`);
      this.errors.push(...parsed.errors);
      return undefined;
    }
    this.parsed.set(file, parsed.value);
    return parsed.value;
  }

  private attachComponents(document: Record<string, unknown>): void {
    if (this.added.length === 0) {
      return;
    }
    // A `components` (or section) that is not a mapping is left alone: the schema
    // check reports it, and the refs into it are then reported as not found.
    if (document.components === undefined) {
      document.components = {};
    }
    const components = asRecord(document.components);
    if (!components) {
      return;
    }
    for (const item of this.added) {
      if (components[item.section] === undefined) {
        components[item.section] = {};
      }
      const section = asRecord(components[item.section]);
      if (section) {
        section[item.name] = withOrigin(item);
      }
    }
  }
}

/**
 * A bundled schema records the file and pointer it came from, so what reads the
 * stored document later (governance lint on publish, the portal) still knows that
 * `components/schemas/ShipmentId` is the canonical one from `_canonical/`.
 */
export const ORIGIN_KEY = 'x-charter-origin';

function withOrigin(item: Pending): unknown {
  const value = asRecord(item.value);
  // Schemas only: provenance is what the canonical-schema rule needs, and every
  // schema dialect tolerates an extension keyword.
  if (item.section !== 'schemas' || !value || ORIGIN_KEY in value) {
    return item.value;
  }
  return { ...value, [ORIGIN_KEY]: `${item.file}${fragmentOf(item.filePath)}` };
}

function storedTextMessage(ref: string): string {
  return `$ref ${quote(ref)} names another file, which a single stored document cannot resolve; publish the bundled contract (charter sync bundles relative $refs)`;
}

function getAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An internal ref to a pointer: `#` + pointer, percent-encoding what a URI fragment cannot hold. */
export function fragmentOf(segments: readonly string[]): string {
  return `#${toPointer(segments).replace(/[%#\s"]/g, (c) => encodeURIComponent(c))}`;
}
