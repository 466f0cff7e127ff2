/**
 * Every message the Charter rules print, in one place (text outside logic), so the
 * wording can be reviewed and changed without reading rule code. Messages say what
 * is wrong and what to write instead.
 */
export const MESSAGES = {
  operationMissing: (op: string, field: string) => `${op} has no ${field}`,
  securityMissing: (op: string) =>
    `${op} declares no security: add a security requirement, or \`security: []\` with an x-charter-public justification`,
  publicWithoutJustification: (op: string) =>
    `${op} is public (\`security: []\`) without an x-charter-public justification string`,
  problemJson: (op: string, status: string) =>
    `${op} response ${status} must use application/problem+json (RFC 9457)`,
  correlationHeader: (op: string) =>
    `${op} does not accept the x-correlation-id header, which this domain requires (domain.yaml correlation.required)`,
  messageCorrelationObject: (m: string) => `${m} declares no correlationId object (location of the correlation id)`,
  messageCorrelationHeader: (m: string) => `${m} headers do not carry correlationId`,
  pathKebab: (path: string, segment: string) => `path ${path}: segment "${segment}" is not kebab-case`,
  pathParamCamel: (path: string, param: string) => `path ${path}: parameter {${param}} is not camelCase`,
  propertyCamel: (name: string) => `property "${name}" is not camelCase`,
  canonicalProperty: (name: string, canonical: string) =>
    `property "${name}" redefines a shared business identifier: $ref the canonical ${canonical} instead`,
  canonicalParameter: (name: string, canonical: string) =>
    `parameter "${name}" redefines a shared business identifier: its schema must $ref the canonical ${canonical}`,
  canonicalSchema: (name: string, canonical: string) =>
    `schema "${name}" redefines a canonical business object: $ref the canonical ${canonical} instead`,
  paginationParam: (op: string, missing: string) =>
    `${op} returns a collection but has no \`${missing}\` query parameter (paginate with limit + cursor)`,
  paginationBareArray: (op: string) =>
    `${op} returns a bare array: return an object with the items and a page object`,
  paginationPageObject: (op: string) => `${op} returns a collection without a page object`,
  idempotencyKey: (op: string) =>
    `${op} creates a resource (201) but does not accept an Idempotency-Key header`,
  messageField: (m: string, what: string) => `${m} has no ${what}`,
  channelName: (address: string) =>
    `channel address "${address}" does not follow <domain>.<entity>.<event> (lowercase, dotted, kebab-case segments)`,
  channelDomain: (address: string, domain: string) =>
    `channel address "${address}" does not start with this contract's domain "${domain}"`,
  ownerMissing: () => 'contract declares no owner: set info.contact.email or x-owner',
  ownerMismatch: (owner: string, domain: string, owners: string) =>
    `contract owner "${owner}" is not an owner of domain "${domain}" (domain.yaml owners: ${owners})`,
} as const;
