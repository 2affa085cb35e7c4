import { ROLES, type Role } from '@jejak/workflows';

export { ROLES, type Role };

/** The header a client sends to act in one of the several roles its token grants. */
export const ROLE_HEADER = 'x-jejak-role';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The roles a `roles` claim grants, in the token's order, duplicates removed. The claim is an
 * array of role names (or one space-separated string, as some identity providers write scopes);
 * names jejak does not know are ignored, since an identity provider may carry other roles too.
 */
export function rolesFromClaim(claim: unknown): Role[] {
  const names = typeof claim === 'string' ? claim.split(/\s+/) : Array.isArray(claim) ? claim : [];
  return [...new Set(names.filter(isRole))];
}

/** Whether `role` is one of `allowed`. */
export function roleAllowed(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
