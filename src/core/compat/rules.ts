/**
 * The rule catalogue: every compatibility rule, one file each under rules/. A
 * fact is classified by the rules registered for its kind; each fact matches
 * exactly one rule (the corpus spec checks this), so ids partition the changes.
 */
import type { FactKind } from '../diff/diff.types';
import type { Rule } from './compat.types';
import documentChanged from './rules/document-changed';
import diffTruncated from './rules/diff-truncated';
import endpointRemoved from './rules/endpoint-removed';
import endpointAdded from './rules/endpoint-added';
import endpointDeprecated from './rules/endpoint-deprecated';
import pathParameterRenamed from './rules/path-parameter-renamed';
import operationIdChanged from './rules/operation-id-changed';
import requiredRequestParameterAdded from './rules/required-request-parameter-added';
import optionalRequestParameterAdded from './rules/optional-request-parameter-added';
import requestParameterRemoved from './rules/request-parameter-removed';
import requestParameterMoved from './rules/request-parameter-moved';
import requestParameterBecameRequired from './rules/request-parameter-became-required';
import requestParameterBecameOptional from './rules/request-parameter-became-optional';
import requestParameterSerializationChanged from './rules/request-parameter-serialization-changed';
import requiredRequestBodyAdded from './rules/required-request-body-added';
import optionalRequestBodyAdded from './rules/optional-request-body-added';
import requestBodyRemoved from './rules/request-body-removed';
import requestBodyBecameRequired from './rules/request-body-became-required';
import requestBodyBecameOptional from './rules/request-body-became-optional';
import requestMediaTypeRemoved from './rules/request-media-type-removed';
import requestMediaTypeAdded from './rules/request-media-type-added';
import responseMediaTypeRemoved from './rules/response-media-type-removed';
import responseNonSuccessMediaTypeRemoved from './rules/response-non-success-media-type-removed';
import responseMediaTypeAdded from './rules/response-media-type-added';
import responseSuccessStatusRemoved from './rules/response-success-status-removed';
import responseNonSuccessStatusRemoved from './rules/response-non-success-status-removed';
import responseSuccessStatusAdded from './rules/response-success-status-added';
import responseNonSuccessStatusAdded from './rules/response-non-success-status-added';
import responseRequiredHeaderRemoved from './rules/response-required-header-removed';
import responseOptionalHeaderRemoved from './rules/response-optional-header-removed';
import responseHeaderAdded from './rules/response-header-added';
import responseHeaderBecameOptional from './rules/response-header-became-optional';
import responseHeaderBecameRequired from './rules/response-header-became-required';
import securityRequirementTightened from './rules/security-requirement-tightened';
import securityScopeAdded from './rules/security-scope-added';
import securityAlternativeAdded from './rules/security-alternative-added';
import securityRequirementRemoved from './rules/security-requirement-removed';
import securitySchemeChanged from './rules/security-scheme-changed';
import serverBasePathChanged from './rules/server-base-path-changed';
import serverRemoved from './rules/server-removed';
import serverAdded from './rules/server-added';
import serverProtocolChanged from './rules/server-protocol-changed';
import serverUrlChanged from './rules/server-url-changed';
import requestRequiredPropertyAdded from './rules/request-required-property-added';
import requestOptionalPropertyAdded from './rules/request-optional-property-added';
import requestPropertyRemoved from './rules/request-property-removed';
import requestPropertyNoLongerAccepted from './rules/request-property-no-longer-accepted';
import requestPropertyBecameRequired from './rules/request-property-became-required';
import requestPropertyBecameOptional from './rules/request-property-became-optional';
import requestTypeNarrowed from './rules/request-type-narrowed';
import requestTypeWidened from './rules/request-type-widened';
import requestNullableRemoved from './rules/request-nullable-removed';
import requestNullableAdded from './rules/request-nullable-added';
import requestFormatChanged from './rules/request-format-changed';
import requestFormatRelaxed from './rules/request-format-relaxed';
import requestEnumValueRemoved from './rules/request-enum-value-removed';
import requestEnumValueAdded from './rules/request-enum-value-added';
import requestConstraintTightened from './rules/request-constraint-tightened';
import requestConstraintLoosened from './rules/request-constraint-loosened';
import requestPatternChanged from './rules/request-pattern-changed';
import requestUnionBranchRemoved from './rules/request-union-branch-removed';
import requestUnionBranchAdded from './rules/request-union-branch-added';
import requestDefaultChanged from './rules/request-default-changed';
import requestDiscriminatorValueRemoved from './rules/request-discriminator-value-removed';
import responseRequiredPropertyRemoved from './rules/response-required-property-removed';
import responseOptionalPropertyRemoved from './rules/response-optional-property-removed';
import responsePropertyAdded from './rules/response-property-added';
import responsePropertyBecameOptional from './rules/response-property-became-optional';
import responsePropertyBecameRequired from './rules/response-property-became-required';
import responseTypeWidened from './rules/response-type-widened';
import responseTypeNarrowed from './rules/response-type-narrowed';
import responseNullableAdded from './rules/response-nullable-added';
import responseNullableRemoved from './rules/response-nullable-removed';
import responseFormatChanged from './rules/response-format-changed';
import responseFormatNarrowed from './rules/response-format-narrowed';
import responseEnumValueAdded from './rules/response-enum-value-added';
import responseEnumValueRemoved from './rules/response-enum-value-removed';
import responseConstraintLoosened from './rules/response-constraint-loosened';
import responseConstraintTightened from './rules/response-constraint-tightened';
import responseAdditionalPropertiesChanged from './rules/response-additional-properties-changed';
import responsePatternChanged from './rules/response-pattern-changed';
import responseUnionBranchAdded from './rules/response-union-branch-added';
import responseUnionBranchRemoved from './rules/response-union-branch-removed';
import discriminatorPropertyChanged from './rules/discriminator-property-changed';
import discriminatorValueRetargeted from './rules/discriminator-value-retargeted';
import discriminatorValueAdded from './rules/discriminator-value-added';
import responseDiscriminatorValueRemoved from './rules/response-discriminator-value-removed';
import channelRemoved from './rules/channel-removed';
import channelAdded from './rules/channel-added';
import channelAddressChanged from './rules/channel-address-changed';
import operationRemoved from './rules/operation-removed';
import operationAdded from './rules/operation-added';
import operationActionChanged from './rules/operation-action-changed';
import operationChannelChanged from './rules/operation-channel-changed';
import operationReplyRemoved from './rules/operation-reply-removed';
import operationReplyAdded from './rules/operation-reply-added';
import messageRemoved from './rules/message-removed';
import receivedMessageAdded from './rules/received-message-added';
import sentMessageAdded from './rules/sent-message-added';
import messageContentTypeChanged from './rules/message-content-type-changed';
import messageSchemaFormatChanged from './rules/message-schema-format-changed';
import messageCorrelationIdChanged from './rules/message-correlation-id-changed';
import messageCorrelationIdAdded from './rules/message-correlation-id-added';
import bindingRemoved from './rules/binding-removed';
import bindingAdded from './rules/binding-added';
import bindingAddressChanged from './rules/binding-address-changed';
import bindingChanged from './rules/binding-changed';

export const RULES: readonly Rule[] = [
  documentChanged,
  diffTruncated,
  endpointRemoved,
  endpointAdded,
  endpointDeprecated,
  pathParameterRenamed,
  operationIdChanged,
  requiredRequestParameterAdded,
  optionalRequestParameterAdded,
  requestParameterRemoved,
  requestParameterMoved,
  requestParameterBecameRequired,
  requestParameterBecameOptional,
  requestParameterSerializationChanged,
  requiredRequestBodyAdded,
  optionalRequestBodyAdded,
  requestBodyRemoved,
  requestBodyBecameRequired,
  requestBodyBecameOptional,
  requestMediaTypeRemoved,
  requestMediaTypeAdded,
  responseMediaTypeRemoved,
  responseNonSuccessMediaTypeRemoved,
  responseMediaTypeAdded,
  responseSuccessStatusRemoved,
  responseNonSuccessStatusRemoved,
  responseSuccessStatusAdded,
  responseNonSuccessStatusAdded,
  responseRequiredHeaderRemoved,
  responseOptionalHeaderRemoved,
  responseHeaderAdded,
  responseHeaderBecameOptional,
  responseHeaderBecameRequired,
  securityRequirementTightened,
  securityScopeAdded,
  securityAlternativeAdded,
  securityRequirementRemoved,
  securitySchemeChanged,
  serverBasePathChanged,
  serverRemoved,
  serverAdded,
  serverProtocolChanged,
  serverUrlChanged,
  requestRequiredPropertyAdded,
  requestOptionalPropertyAdded,
  requestPropertyRemoved,
  requestPropertyNoLongerAccepted,
  requestPropertyBecameRequired,
  requestPropertyBecameOptional,
  requestTypeNarrowed,
  requestTypeWidened,
  requestNullableRemoved,
  requestNullableAdded,
  requestFormatChanged,
  requestFormatRelaxed,
  requestEnumValueRemoved,
  requestEnumValueAdded,
  requestConstraintTightened,
  requestConstraintLoosened,
  requestPatternChanged,
  requestUnionBranchRemoved,
  requestUnionBranchAdded,
  requestDefaultChanged,
  requestDiscriminatorValueRemoved,
  responseRequiredPropertyRemoved,
  responseOptionalPropertyRemoved,
  responsePropertyAdded,
  responsePropertyBecameOptional,
  responsePropertyBecameRequired,
  responseTypeWidened,
  responseTypeNarrowed,
  responseNullableAdded,
  responseNullableRemoved,
  responseFormatChanged,
  responseFormatNarrowed,
  responseEnumValueAdded,
  responseEnumValueRemoved,
  responseConstraintLoosened,
  responseConstraintTightened,
  responseAdditionalPropertiesChanged,
  responsePatternChanged,
  responseUnionBranchAdded,
  responseUnionBranchRemoved,
  discriminatorPropertyChanged,
  discriminatorValueRetargeted,
  discriminatorValueAdded,
  responseDiscriminatorValueRemoved,
  channelRemoved,
  channelAdded,
  channelAddressChanged,
  operationRemoved,
  operationAdded,
  operationActionChanged,
  operationChannelChanged,
  operationReplyRemoved,
  operationReplyAdded,
  messageRemoved,
  receivedMessageAdded,
  sentMessageAdded,
  messageContentTypeChanged,
  messageSchemaFormatChanged,
  messageCorrelationIdChanged,
  messageCorrelationIdAdded,
  bindingRemoved,
  bindingAdded,
  bindingAddressChanged,
  bindingChanged,
];

const BY_FACT = new Map<FactKind, Rule[]>();
for (const rule of RULES) {
  for (const kind of rule.facts) {
    const list = BY_FACT.get(kind) ?? [];
    list.push(rule);
    BY_FACT.set(kind, list);
  }
}

export function rulesFor(kind: FactKind): readonly Rule[] {
  return BY_FACT.get(kind) ?? [];
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
