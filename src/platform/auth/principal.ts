/**
 * Who is calling the registry API. Roles are ordered: a publisher can read, an
 * admin can do everything; a publisher may write only the domains its token lists.
 */
export const ROLES = ['reader', 'publisher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  subject: string;
  role: Role;
  /** Domains a publisher may write; ignored for admins. */
  domains: readonly string[];
  anonymous?: boolean;
}

export const ANONYMOUS: Principal = Object.freeze({ subject: 'anonymous', role: 'reader', domains: [], anonymous: true });

export function hasRole(principal: Principal, required: Role): boolean {
  return ROLES.indexOf(principal.role) >= ROLES.indexOf(required);
}

export function canWriteDomain(principal: Principal, domain: string): boolean {
  if (principal.role === 'admin') {
    return true;
  }
  return principal.role === 'publisher' && principal.domains.includes(domain);
}

/** Maps verified token claims to a principal; undefined when the claims name no known role. */
export function principalFromClaims(claims: Record<string, unknown>): Principal | undefined {
  const roleClaim = claims.role ?? (Array.isArray(claims.roles) ? highest(claims.roles) : undefined);
  if (typeof roleClaim !== 'string' || !(ROLES as readonly string[]).includes(roleClaim)) {
    return undefined;
  }
  const domains = Array.isArray(claims.domains) ? claims.domains.filter((d): d is string => typeof d === 'string') : [];
  return { subject: typeof claims.sub === 'string' ? claims.sub : 'unknown', role: roleClaim as Role, domains };
}

function highest(roles: unknown[]): Role | undefined {
  const known = roles.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));
  return known.sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a))[0];
}
