import type { IFunctionResult } from '@stoplight/spectral-core';
import { MESSAGES } from '../messages';
import type { CharterRule } from '../rule';
import { isObject, nonEmptyString } from './support/json';

/**
 * Every contract names its owner (info.contact.email, or x-owner on info or at the
 * root: a team name or an email), and that owner is one of its domain's owners in
 * domain.yaml. Without a known domain only the presence of an owner is checked.
 */
export const charterOwnerMatchesDomain: CharterRule = {
  id: 'charter-owner-matches-domain',
  description: "The contract's owner (info.contact.email or x-owner) is one of its domain's owners.",
  severity: 'error',
  target: 'any',
  given: ['$'],
  resolved: false,
  fn: function charterOwnerMatchesDomain(root, options) {
    const results: IFunctionResult[] = [];
    if (!isObject(root)) {
      return results;
    }
    const info = isObject(root.info) ? root.info : {};
    const contact = isObject(info.contact) ? info.contact : {};
    const claimed = [contact.email, info['x-owner'], root['x-owner']].filter(nonEmptyString);
    if (claimed.length === 0) {
      results.push({ message: MESSAGES.ownerMissing(), path: isObject(root.info) ? ['info'] : [] });
      return results;
    }
    const domain = options?.domain;
    if (!domain || domain.owners.length === 0) {
      return results;
    }
    const known = new Set(
      domain.owners.flatMap((o) => [o.email, o.team]).filter(nonEmptyString).map((s) => s.trim().toLowerCase()),
    );
    if (!claimed.some((c) => known.has(c.trim().toLowerCase()))) {
      const where = contact.email !== undefined ? ['info', 'contact', 'email'] : info['x-owner'] !== undefined ? ['info', 'x-owner'] : ['x-owner'];
      const owners = domain.owners.map((o) => o.email ?? o.team).filter(nonEmptyString).join(', ');
      results.push({ message: MESSAGES.ownerMismatch(claimed[0], domain.key, owners), path: where });
    }
    return results;
  },
};
