/**
 * The structural diff of two contracts: a flat list of facts. A fact says what
 * changed and where, neutrally ("the maxLength went from 10 to 5 in this request
 * body"); whether that breaks anyone is decided by the rules in core/compat.
 * The only judgement the diff makes is which side of the wire a schema lives on
 * (`direction`), because that follows from where the schema is, not from policy.
 */
import type { ChangeSite } from '../report/change';
import type { SourceRef } from '../report/source-ref';
import type { ContractKind } from '../document/types';

/**
 * What a client sends (request bodies, parameters, request headers, messages the
 * documented application receives) is `request`; what a client receives (responses,
 * messages the application sends) is `response`.
 */
export type Direction = 'request' | 'response';

/** One side of a comparison: a parsed document and how to locate pointers in it. */
export interface DiffSide {
  /**
   * The document: either with internal `#/...` $refs in place (the loader's
   * `Contract.document`) or fully dereferenced (shared objects, cycles allowed).
   */
  document: Record<string, unknown>;
  /** File name reported in source refs. */
  file?: string;
  /** Line/column of a JSON pointer in the original text, when known. */
  locate?: (pointer: string) => { line: number; column: number } | undefined;
  /**
   * Full source of a pointer (file, pointer and position in that file) for
   * documents bundled from several files; wins over `file` + `locate`.
   */
  source?: (pointer: string) => SourceRef;
}

export interface DiffOptions {
  /**
   * Upper bound on schema pairs compared; guards hostile documents. A contract
   * that exceeds it still gets a diff, with a `diff-truncated` fact.
   */
  maxSchemaPairs?: number;
}

export const DEFAULT_MAX_SCHEMA_PAIRS = 200_000;

export type FactKind =
  // document
  | 'document-changed'
  | 'diff-truncated'
  // OpenAPI structure
  | 'endpoint-added'
  | 'endpoint-removed'
  | 'endpoint-deprecated'
  | 'path-parameter-renamed'
  | 'operation-id-changed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-moved'
  | 'parameter-required-changed'
  | 'parameter-serialization-changed'
  | 'request-body-added'
  | 'request-body-removed'
  | 'request-body-required-changed'
  | 'media-type-added'
  | 'media-type-removed'
  | 'response-status-added'
  | 'response-status-removed'
  | 'response-header-added'
  | 'response-header-removed'
  | 'response-header-required-changed'
  | 'security-requirement-tightened'
  | 'security-scope-added'
  | 'security-alternative-added'
  | 'security-requirement-removed'
  | 'security-scheme-changed'
  | 'server-added'
  | 'server-removed'
  | 'server-base-path-changed'
  | 'server-protocol-changed'
  | 'server-url-changed'
  // JSON Schema, under a request or response
  | 'property-added'
  | 'property-removed'
  | 'property-required-changed'
  | 'type-changed'
  | 'nullable-changed'
  | 'format-changed'
  | 'enum-values-added'
  | 'enum-values-removed'
  | 'constraint-changed'
  | 'pattern-changed'
  | 'union-branch-added'
  | 'union-branch-removed'
  | 'discriminator-property-changed'
  | 'discriminator-mapping-changed'
  | 'additional-properties-changed'
  | 'default-changed'
  // AsyncAPI structure
  | 'channel-added'
  | 'channel-removed'
  | 'channel-address-changed'
  | 'operation-added'
  | 'operation-removed'
  | 'operation-action-changed'
  | 'operation-channel-changed'
  | 'operation-reply-added'
  | 'operation-reply-removed'
  | 'message-added'
  | 'message-removed'
  | 'message-content-type-changed'
  | 'message-schema-format-changed'
  | 'message-correlation-id-changed'
  | 'binding-added'
  | 'binding-removed'
  | 'binding-changed';

/** Values a fact carries; which ones are set depends on the kind. */
export interface FactDetails {
  name?: string;
  from?: unknown;
  to?: unknown;
  values?: unknown[];
  required?: boolean;
  /** Why a property left a projection: it became readOnly / writeOnly. */
  reason?: 'read-only' | 'write-only';
  /** For constraints: which keyword, and whether head accepts less / more. */
  keyword?: string;
  tightened?: boolean;
  loosened?: boolean;
  /** HTTP status of the response the fact is under. */
  status?: string;
  mediaType?: string;
  deprecated?: boolean;
  /** Head schema rejects properties it does not list. */
  closed?: boolean;
  /** For security: scheme names and scopes concerned. */
  scheme?: string;
  scopes?: string[];
  /** For bindings: protocol and whether the field addresses the channel. */
  protocol?: string;
  addressing?: boolean;
}

export interface Fact extends ChangeSite {
  kind: FactKind;
  details: FactDetails;
}

export interface Diff {
  kind: ContractKind;
  baseVersion?: string;
  headVersion?: string;
  /** True when the documents are equal apart from `info.version`. */
  identical: boolean;
  facts: Fact[];
}
