/**
 * core/document: how a contract enters Charter (CLI files and registry bodies alike).
 *
 * Invariants
 * - Pure: no file system, network, env or clock. Files arrive through a
 *   ContractSource; nothing here can open a socket, and remote `$ref`s (any URI
 *   scheme, `//host`) are refused before any read.
 * - Bad input is a returned Result, never a throw: oversized documents are refused
 *   before parsing, YAML alias expansion and nesting depth are bounded, and every
 *   Issue carries file, JSON pointer and (for text) line/column.
 * - A loaded Contract is one self-contained document: relative-file refs inside
 *   the tree are bundled into `components`; internal `#/` refs are kept.
 * - Same content, same digest: sha256 of canonical JSON, whatever the format.
 * - Heavy modules (js-yaml, ajv and the official schemas) load on first use. The
 *   schemas are precompiled by `npm run build` (generated/, schema-compiler.ts);
 *   without a build each is compiled at runtime, once per process, by the same code.
 */
export * from './types';
export { parseDocument } from './parse-document';
export { loadContract, loadContractText } from './load-contract';
export { dereference } from './dereference';
export { canonicalJson, sha256Hex } from './canonical-json';
export { detectContractKind, SUPPORTED_ASYNCAPI_VERSIONS, SUPPORTED_SPEC_VERSIONS_TEXT } from './detect-kind';
export { isContractVersion } from './version-check';
export { collectRefs, type FoundRef } from './ref-walk';
