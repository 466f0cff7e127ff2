/**
 * The one way a contract enters Charter: parse -> detect kind -> bundle relative
 * refs -> validate (schema, dangling refs, semantics, version) -> digest.
 * Stages stop early only where later ones would report noise (an unparsable or
 * unbundlable document); validation issues are all collected, then sorted by file
 * (entry first) and position.
 */
import type { Issue } from '../report/issue';
import { fail, ok, type Result } from '../result';
import { bundleContract } from './bundle';
import { canonicalJson, sha256Hex } from './canonical-json';
import { createContractLocator } from './contract-locator';
import { detectContractKind } from './detect-kind';
import { issueAt } from './issues';
import { normalize } from './ref-target';
import { parseDocument } from './parse-document';
import { danglingRefIssues } from './ref-check';
import { collectRefs } from './ref-walk';
import { schemaIssues } from './schema-errors';
import { validateAgainstSchema } from './schema-validator';
import { semanticIssues } from './semantic-checks';
import { resolveLimits } from './limits';
import type { Contract, ContractSource, DocumentLimits } from './types';
import { versionIssues } from './version-check';

/** What a caller that only reads the contract (`charter diff`) may leave out. */
export interface LoadOptions {
  /**
   * Accept a contract whose only fault is a non-semver `info.version` (Stripe's
   * dates): `version` is then that text. With any other issue the version issue
   * is reported as usual. Comparing needs no semver; publishing does.
   */
  allowNonSemverVersion?: boolean;
  /**
   * 'lazy': `digest` is computed on first read (and kept), not at load. Canonical
   * JSON and sha256 of a 4 MB document cost ~0.1 s a side that a diff never uses.
   * Only for callers that do not mutate `document` before reading `digest`.
   */
  digest?: 'eager' | 'lazy';
}

/** Load the contract whose entry file is `entry` (tree-relative POSIX path) from a contracts tree. */
export async function loadContract(
  entry: string,
  source: ContractSource,
  limits?: Partial<DocumentLimits>,
  options: LoadOptions = {},
): Promise<Result<Contract>> {
  const file = normalize(entry.replace(/\\/g, '/'));
  if (file === undefined || file === '' || entry.startsWith('/')) {
    return fail({ code: 'REF_OUTSIDE_TREE', message: `${entry} is not a file inside the contracts tree`, source: { file: entry, pointer: '' } });
  }
  let text: string | undefined;
  try {
    text = await source.read(file);
  } catch (err) {
    return fail({ code: 'FILE_NOT_FOUND', message: `cannot read ${file}: ${(err as Error).message}`, source: { file, pointer: '' } });
  }
  if (text === undefined) {
    return fail({ code: 'FILE_NOT_FOUND', message: `file ${file} not found`, source: { file, pointer: '' } });
  }
  return load(text, file, source, limits, options);
}

/**
 * Load one stored document (a registry publish body). It must be self-contained:
 * a relative-file `$ref` is REF_NOT_FOUND (publish the bundled contract instead).
 */
export async function loadContractText(
  text: string | Uint8Array,
  file: string,
  limits?: Partial<DocumentLimits>,
): Promise<Result<Contract>> {
  return load(text, file, undefined, limits, {});
}

async function load(
  text: string | Uint8Array,
  file: string,
  source: ContractSource | undefined,
  partialLimits: Partial<DocumentLimits> | undefined,
  options: LoadOptions,
): Promise<Result<Contract>> {
  const limits = resolveLimits(partialLimits);
  const parsed = parseDocument(text, file, limits);
  if (!parsed.ok) {
    return parsed;
  }
  const entry = parsed.value;
  const detected = detectContractKind(entry.data);
  if (!detected.ok) {
    return fail(...detected.errors.map((e) => issueAt(e.code, e.message, file, e.source.pointer, entry)));
  }
  const { kind, specVersion } = detected.value;
  const bundled = await bundleContract({ entry, kind, specVersion, source, limits });
  if (!bundled.ok) {
    return fail(...sortIssues(bundled.errors, [file]));
  }
  const { document, files, parsed: parsedFiles, origins } = bundled.value;
  const locate = createContractLocator(origins, parsedFiles);

  const schema = schemaIssues(validateAgainstSchema(kind, specVersion, document), document, locate);
  const issues: Issue[] = [
    ...schema.shown,
    ...danglingRefIssues(document, collectRefs(document, kind), locate),
    ...semanticIssues(document, kind, specVersion, locate),
  ];
  // Locating the version issue builds the positional parse of the entry (costly on
  // a big YAML file): skipped when the issue would be dropped anyway.
  if (!options.allowNonSemverVersion || issues.length > 0) {
    issues.push(...versionIssues(document, locate));
  }
  if (issues.length > 0) {
    const sorted = sortIssues(issues, files);
    if (schema.omitted > 0) {
      sorted.push({
        code: 'SCHEMA_VIOLATION',
        message: `${schema.omitted} more schema violations not shown`,
        source: { file, pointer: '' },
      });
    }
    return fail(...sorted);
  }

  const info = document.info as Record<string, unknown>;
  let digest = options.digest === 'lazy' ? undefined : sha256Hex(canonicalJson(document));
  const contract: Contract = {
    kind,
    specVersion,
    version: info.version as string,
    title: typeof info.title === 'string' ? info.title : '',
    file,
    format: entry.format,
    document,
    digest: digest ?? '',
    files,
  };
  if (digest === undefined) {
    Object.defineProperty(contract, 'digest', { enumerable: true, get: () => (digest ??= sha256Hex(canonicalJson(document))) });
  }
  return ok(contract);
}

/** Entry file first, then files in load order; within a file by position, then pointer. */
function sortIssues(issues: Issue[], files: readonly string[]): Issue[] {
  const rank = (f: string | undefined) => {
    const i = files.indexOf(f ?? '');
    return i === -1 ? files.length : i;
  };
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        rank(a.issue.source.file) - rank(b.issue.source.file) ||
        (a.issue.source.line ?? 0) - (b.issue.source.line ?? 0) ||
        (a.issue.source.column ?? 0) - (b.issue.source.column ?? 0) ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}
