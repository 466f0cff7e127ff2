/**
 * An issue found in user input (a document, a ruleset, a request body). The `code`
 * is stable SCREAMING_SNAKE and public: the CLI prints it, problem+json carries it.
 */
import type { SourceRef } from './source-ref';

export type IssueCode =
  | 'DOCUMENT_TOO_LARGE'
  | 'PARSE_ERROR'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'NOT_AN_OBJECT'
  | 'UNKNOWN_FORMAT'
  | 'UNSUPPORTED_SPEC_VERSION'
  | 'SCHEMA_VIOLATION'
  | 'SEMANTIC_ERROR'
  | 'INVALID_VERSION'
  | 'REMOTE_REF_REFUSED'
  | 'REF_OUTSIDE_TREE'
  | 'REF_NOT_FOUND'
  | 'REF_CYCLE'
  | 'FILE_NOT_FOUND'
  // policy compiler (src/core/policy): a bad x-charter-* value fails the plan; an
  // unsupported construct compiles with a fallback and is reported as a warning.
  | 'INVALID_POLICY'
  | 'UNSUPPORTED_POLICY'
  // governance lint (src/core/lint): the ruleset could not be used, so lint could not run.
  | 'RULESET_INVALID'
  | 'UNKNOWN_RULE'
  | 'INVALID_SEVERITY'
  | 'RULE_FUNCTION_FAILED'
  | 'LINT_FAILED';

export interface Issue {
  code: IssueCode;
  message: string;
  source: SourceRef;
}
