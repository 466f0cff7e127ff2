/**
 * Checks a contract must pass before it is stored: governance lint and the
 * compatibility/semver verdict plug in here, each throwing a CharterError
 * (422 GOVERNANCE_VIOLATION, 409 BREAKING_CHANGE, 409 SEMVER_VIOLATION).
 * Gates run inside the publish transaction, after the document is known valid,
 * so a refused publish leaves the registry as it was.
 */
import type { EntityManager } from 'typeorm';
import type { Contract } from '../core/document/types';
import type { ApiEntity, ApiVersionEntity, DomainEntity } from './entities';

export const PUBLISH_GATES = Symbol('PUBLISH_GATES');

export interface PublishContext {
  manager: EntityManager;
  domain: DomainEntity;
  /** null when this publish creates the API. */
  api: ApiEntity | null;
  apiKey: string;
  contract: Contract;
  rawText: string;
  /** Published and deprecated versions of the API, highest first, with documents. */
  liveVersions: () => Promise<ApiVersionEntity[]>;
}

export interface PublishGateResult {
  /** Changes against the predecessor, stored as the version's changelog. */
  changelog?: unknown[];
}

export interface PublishGate {
  readonly name: string;
  check(ctx: PublishContext): Promise<PublishGateResult | void>;
}
