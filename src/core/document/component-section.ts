/**
 * Where a bundled external target goes: the `components` section matching the
 * position of the `$ref` that first pulls it in (a `schema` position -> `schemas`,
 * a parameter -> `parameters`, ...), or `inline` for positions whose object has no
 * components section in that spec version (OpenAPI 3.0 path items, AsyncAPI 2.x
 * channels and servers, bindings): there the target replaces the reference.
 */
import type { RefPath } from './ref-walk';
import type { ContractKind } from './types';

/** A components section name, or 'inline'. */
export type Section = string;

const OPENAPI_SECTIONS = new Set([
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
]);

const ASYNCAPI2_SECTIONS = new Set([
  'schemas',
  'messages',
  'securitySchemes',
  'parameters',
  'correlationIds',
  'operationTraits',
  'messageTraits',
  'serverBindings',
  'channelBindings',
  'operationBindings',
  'messageBindings',
]);

const ASYNCAPI3_SECTIONS = new Set([
  ...ASYNCAPI2_SECTIONS,
  'servers',
  'channels',
  'operations',
  'serverVariables',
  'replies',
  'replyAddresses',
  'externalDocs',
  'tags',
]);

export function sectionFor(kind: ContractKind, specVersion: string, path: RefPath): Section {
  const n = path.length;
  const last = String(path[n - 1] ?? '');
  const parent = String(path[n - 2] ?? '');
  const grand = String(path[n - 3] ?? '');
  const great = String(path[n - 4] ?? '');
  const sections = sectionsOf(kind, specVersion);
  // A schema property that happens to be called `parameters` or `correlationId`
  // is still a schema.
  if (parent === 'properties' || parent === 'patternProperties') {
    return 'schemas';
  }
  if (grand === 'properties' && parent !== 'properties') {
    return 'schemas';
  }
  if (n === 3 && path[0] === 'components') {
    return sections.has(parent) ? parent : 'inline';
  }
  if (kind === 'openapi') {
    return openapiSection(specVersion, path, last, parent);
  }
  const v3 = specVersion.startsWith('3.');
  if (n === 2 && (path[0] === 'channels' || path[0] === 'operations' || path[0] === 'servers')) {
    return v3 ? String(path[0]) : 'inline';
  }
  if (last === 'message' || (parent === 'oneOf' && grand === 'message') || (v3 && parent === 'messages')) {
    return 'messages';
  }
  if (last === 'payload' || last === 'headers') {
    return 'schemas';
  }
  if (parent === 'parameters') {
    return 'parameters';
  }
  if (parent === 'traits') {
    return grand === 'message' || great === 'messages' ? 'messageTraits' : 'operationTraits';
  }
  if (last === 'correlationId') {
    return 'correlationIds';
  }
  if (v3 && last === 'reply') {
    return 'replies';
  }
  if (v3 && last === 'address' && grand === 'reply') {
    return 'replyAddresses';
  }
  if (parent === 'securitySchemes' || (v3 && parent === 'security')) {
    return 'securitySchemes';
  }
  if (v3 && parent === 'tags') {
    return 'tags';
  }
  if (v3 && last === 'externalDocs') {
    return 'externalDocs';
  }
  if (last === 'channel') {
    return v3 ? 'channels' : 'inline';
  }
  if (last === 'bindings' || parent === 'bindings' || parent === 'servers') {
    return 'inline';
  }
  return 'schemas';
}

function openapiSection(specVersion: string, path: RefPath, last: string, parent: string): Section {
  if (path.length === 2 && (path[0] === 'paths' || path[0] === 'webhooks')) {
    return specVersion.startsWith('3.1') ? 'pathItems' : 'inline';
  }
  if (parent === 'callbacks') {
    return 'callbacks';
  }
  // A path item inside a callback: `callbacks/<name>/<expression>`.
  if (String(path[path.length - 3] ?? '') === 'callbacks') {
    return specVersion.startsWith('3.1') ? 'pathItems' : 'inline';
  }
  if (parent === 'parameters') {
    return 'parameters';
  }
  if (parent === 'responses') {
    return 'responses';
  }
  if (last === 'requestBody') {
    return 'requestBodies';
  }
  if (parent === 'headers') {
    return 'headers';
  }
  if (parent === 'examples') {
    return 'examples';
  }
  if (parent === 'links') {
    return 'links';
  }
  if (parent === 'securitySchemes') {
    return 'securitySchemes';
  }
  return 'schemas';
}

function sectionsOf(kind: ContractKind, specVersion: string): Set<string> {
  if (kind === 'openapi') {
    return OPENAPI_SECTIONS;
  }
  return specVersion.startsWith('3.') ? ASYNCAPI3_SECTIONS : ASYNCAPI2_SECTIONS;
}
