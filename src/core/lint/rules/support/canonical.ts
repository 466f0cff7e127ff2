/**
 * The shared business vocabulary (DESIGN: customer, shipment, stop, invoice, charge,
 * case, location) and how to tell whether a node of a linted contract comes from
 * the canonical schemas folder.
 */
import type { RulesetFunctionContext } from '@stoplight/spectral-core';
import { asArray, isObject, type JsonPath } from './json';

export interface CanonicalEntity {
  entity: string;
  /** Schema name of the identifier in <canonicalDir>/<entity>.yaml, if there is one. */
  id?: string;
  /** Schema name of the business object. */
  object: string;
}

export const CANONICAL_ENTITIES: readonly CanonicalEntity[] = [
  { entity: 'customer', id: 'CustomerId', object: 'Customer' },
  { entity: 'shipment', id: 'ShipmentId', object: 'Shipment' },
  { entity: 'stop', id: 'StopId', object: 'Stop' },
  { entity: 'invoice', id: 'InvoiceId', object: 'Invoice' },
  { entity: 'charge', id: 'ChargeId', object: 'Charge' },
  { entity: 'case', id: 'CaseId', object: 'Case' },
  { entity: 'location', object: 'Location' },
];

/** `shipment_id`, `ShipmentID`, `shipmentId` all name the same identifier. */
const squash = (name: string): string => name.toLowerCase().replace(/[_\-\s]/g, '');

export function identifierEntity(name: string): CanonicalEntity | undefined {
  const s = squash(name);
  return CANONICAL_ENTITIES.find((e) => e.id !== undefined && squash(e.id) === s);
}

export function objectEntity(name: string): CanonicalEntity | undefined {
  const s = squash(name);
  return CANONICAL_ENTITIES.find((e) => squash(e.object) === s);
}

export function canonicalTarget(dir: string, e: CanonicalEntity, schema: string): string {
  return `${dir}/${e.entity}.yaml#/${schema}`;
}

function inCanonicalDir(source: string | null | undefined, dir: string): boolean {
  if (!source) {
    return false;
  }
  return source.split(/[\\/]/).includes(dir);
}

function refersToCanonical(node: unknown, dir: string): boolean {
  if (!isObject(node)) {
    return false;
  }
  const refs = [node, ...asArray(node.allOf), ...asArray(node.anyOf), ...asArray(node.oneOf)];
  return refs.some((n) => isObject(n) && typeof n.$ref === 'string' && n.$ref.split('#')[0].split('/').includes(dir));
}

/**
 * Whether the node at `path` of the resolved document is (or is a thin wrapper
 * around) a canonical schema: Spectral maps the resolved path back to the file that
 * defines it, following local and cross-file $refs.
 */
export function comesFromCanonical(context: RulesetFunctionContext, path: JsonPath, dir: string): boolean {
  const item = context.documentInventory.findAssociatedItemForPath(path, true);
  if (!item) {
    return false;
  }
  if (inCanonicalDir(item.document.source, dir)) {
    return true;
  }
  // `allOf: [$ref canonical]` next to a local description is still the canonical schema.
  let node: unknown = item.document.data;
  for (const seg of item.path) {
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[seg as string] : undefined;
  }
  return refersToCanonical(node, dir) || bundledFromCanonical(node, dir);
}

/** A component the bundler copied in from the canonical folder (see ORIGIN_KEY in core/document/bundle.ts). */
function bundledFromCanonical(node: unknown, dir: string): boolean {
  const origin = isObject(node) ? node['x-charter-origin'] : undefined;
  return typeof origin === 'string' && inCanonicalDir(origin.split('#')[0], dir);
}
