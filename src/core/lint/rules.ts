/**
 * The catalogue of Charter's enterprise rules (issue 3), one file per rule under
 * rules/, and the Spectral recommended rules Charter turns off, each with why.
 * Everything else of spectral:oas and spectral:asyncapi stays on at the severity it
 * ships with.
 */
import type { CharterRule } from './rule';
import { charterCanonicalRefs } from './rules/charter-canonical-refs';
import { charterChannelNaming } from './rules/charter-channel-naming';
import { charterCollectionPagination } from './rules/charter-collection-pagination';
import { charterCorrelationIdHeader } from './rules/charter-correlation-id-header';
import { charterIdempotencyKey } from './rules/charter-idempotency-key';
import { charterMessageCorrelationId } from './rules/charter-message-correlation-id';
import { charterMessageEnvelope } from './rules/charter-message-envelope';
import { charterOperationMetadata } from './rules/charter-operation-metadata';
import { charterOperationSecurity } from './rules/charter-operation-security';
import { charterOwnerMatchesDomain } from './rules/charter-owner-matches-domain';
import { charterPathParamsCamelCase } from './rules/charter-path-params-camel-case';
import { charterPathsKebabCase } from './rules/charter-paths-kebab-case';
import { charterProblemJsonErrors } from './rules/charter-problem-json-errors';
import { charterPropertiesCamelCase } from './rules/charter-properties-camel-case';

export const CHARTER_RULES: readonly CharterRule[] = [
  charterOperationMetadata,
  charterOperationSecurity,
  charterProblemJsonErrors,
  charterCorrelationIdHeader,
  charterMessageCorrelationId,
  charterPathsKebabCase,
  charterPathParamsCamelCase,
  charterPropertiesCamelCase,
  charterCanonicalRefs,
  charterCollectionPagination,
  charterIdempotencyKey,
  charterMessageEnvelope,
  charterChannelNaming,
  charterOwnerMatchesDomain,
];

/** Spectral recommended rules that charter:recommended turns off, and why. */
export const SPECTRAL_RULES_OFF: Readonly<Record<string, string>> = {
  'operation-operationId': 'superseded by charter-operation-metadata (same check, one finding, blocking)',
  'operation-tags': 'superseded by charter-operation-metadata (same check, one finding, blocking)',
  'info-contact': 'superseded by charter-owner-matches-domain, which also accepts x-owner instead of a contact object',
  'asyncapi-info-contact': 'superseded by charter-owner-matches-domain, which also accepts x-owner instead of a contact object',
};
