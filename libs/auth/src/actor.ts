import type { Actor, Role } from '@jejak/workflows';
import { InvalidTokenError, RoleNotGrantedError } from './auth.errors.js';
import { isRole, rolesFromClaim } from './roles.js';

export type { Actor };

/** Who a verified token says the caller is: every role it grants, and their first as default. */
export type Principal = {
  sub: string;
  name: string;
  nip?: string;
  roles: Role[];
};

const NIP = /^\d{18}$/;

function stringClaim(claims: Record<string, unknown>, key: string): string | undefined {
  const value = claims[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The principal from verified claims (docs/domain.md §1): `sub` (required), `name` (or
 * `preferred_username`, or else the `sub`), `nip` (18 digits, optional) and `roles` (at least
 * one jejak role).
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const sub = stringClaim(claims, 'sub');
  if (sub === undefined) throw new InvalidTokenError('the token has no "sub" claim');
  const roles = rolesFromClaim(claims.roles);
  if (roles.length === 0) throw new InvalidTokenError('the token grants no jejak role ("roles")');
  const nip = stringClaim(claims, 'nip');
  if (nip !== undefined && !NIP.test(nip)) {
    throw new InvalidTokenError('the "nip" claim must be 18 digits');
  }
  const name = stringClaim(claims, 'name') ?? stringClaim(claims, 'preferred_username') ?? sub;
  return { sub, name, roles, ...(nip === undefined ? {} : { nip }) };
}

/**
 * The actor of a request: the principal acting in one role, the one named by `X-Jejak-Role`
 * when sent (it must be granted by the token), else the token's first role.
 */
export function actorFor(principal: Principal, requestedRole?: string): Actor {
  const requested = requestedRole?.trim();
  const role = requested ? requested.toUpperCase() : principal.roles[0];
  if (!isRole(role) || !principal.roles.includes(role)) {
    throw new RoleNotGrantedError(requested ?? '', principal.roles);
  }
  const { sub, name, nip } = principal;
  return { sub, name, role, ...(nip === undefined ? {} : { nip }) };
}
