/**
 * Shapes shared by everything that reads a contract. The loader is the only way a
 * document enters Charter: CLI (files of a contracts tree) and registry (stored
 * bytes) both go through it, so limits and $ref rules hold everywhere.
 */
export type ContractKind = 'openapi' | 'asyncapi';
export type DocumentFormat = 'yaml' | 'json';

export interface DocumentLimits {
  /** Largest accepted document, in bytes (UTF-8). */
  maxBytes: number;
  /** Most YAML alias dereferences allowed per document (billion-laughs guard). */
  maxAliases: number;
  /** Deepest allowed nesting of objects/arrays. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Readonly<DocumentLimits> = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxAliases: 10_000,
  maxDepth: 128,
});

/**
 * The only door through which the core reads files. Paths are POSIX, relative to
 * the contracts tree root, already normalized and checked not to leave it; the
 * source answers `undefined` for a missing file. Implementations (the CLI's file
 * system source) must also refuse symlinks that resolve outside the tree: to refuse,
 * throw an error whose `code` is 'REF_OUTSIDE_TREE' (reported as REF_OUTSIDE_TREE at
 * the `$ref`); any other throw is reported as FILE_NOT_FOUND ("cannot read").
 */
export interface ContractSource {
  read(relativePath: string): Promise<string | undefined>;
}

/** A parsed text with a way back from JSON pointers to positions in that text. */
export interface ParsedDocument {
  file: string;
  format: DocumentFormat;
  text: string;
  data: unknown;
  /** 1-based line/column of the node at `pointer`, or of its nearest ancestor. */
  locate(pointer: string): { line: number; column: number } | undefined;
}

export interface Contract {
  kind: ContractKind;
  /** `openapi` or `asyncapi` field of the document, e.g. `3.1.0`. */
  specVersion: string;
  /** `info.version`, a valid semver (any text only with LoadOptions.allowNonSemverVersion). */
  version: string;
  title: string;
  /** Entry file the contract was loaded from (or the name given for stored text). */
  file: string;
  format: DocumentFormat;
  /**
   * The contract as one document: relative-file $refs inlined (internal `#/...`
   * refs kept as they are), so it can be stored, published and served alone.
   */
  document: Record<string, unknown>;
  /** sha256 (hex) of the canonical JSON of `document`: same content, same digest. */
  digest: string;
  /** Every file that makes up the contract, entry first. */
  files: string[];
}
