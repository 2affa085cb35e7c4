import type { Role } from '@jejak/workflows';

/**
 * Errors of authentication and authorization. Each carries a stable `code` (never an HTTP
 * status): the API's problem-details filter maps `AUTHENTICATION_REQUIRED` and `INVALID_TOKEN` to
 * 401, `ROLE_NOT_ALLOWED` and `ROLE_NOT_GRANTED` to 403. `details` become problem extension
 * members, so they must never hold a token or a secret.
 */
export abstract class AuthError extends Error {
  abstract readonly code: string;
  readonly details: Record<string, unknown> = {};

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** No bearer token was sent. */
export class AuthenticationRequiredError extends AuthError {
  readonly code = 'AUTHENTICATION_REQUIRED';

  constructor() {
    super('A bearer token is required (Authorization: Bearer <token>)');
  }
}

/** The token is malformed, expired, not signed by a trusted key, or lacks a required claim. */
export class InvalidTokenError extends AuthError {
  readonly code = 'INVALID_TOKEN';

  constructor(readonly reason: string) {
    super(`Invalid token: ${reason}`);
  }
}

/** The acting role may not do this; `allowedRoles` says who may. */
export class RoleNotAllowedError extends AuthError {
  readonly code = 'ROLE_NOT_ALLOWED';
  override readonly details: { role: Role; allowedRoles: readonly Role[] };

  constructor(role: Role, allowedRoles: readonly Role[], action?: string) {
    super(
      `Role ${role} may not ${action ?? 'do this'}; allowed: ${allowedRoles.join(', ') || 'none'}`,
    );
    this.details = { role, allowedRoles: [...allowedRoles] };
  }
}

/** `X-Jejak-Role` names a role the token does not grant. */
export class RoleNotGrantedError extends AuthError {
  readonly code = 'ROLE_NOT_GRANTED';
  override readonly details: { requestedRole: string; grantedRoles: readonly Role[] };

  constructor(requestedRole: string, grantedRoles: readonly Role[]) {
    super(
      `The token does not grant the role ${JSON.stringify(requestedRole)} (X-Jejak-Role); it grants ${grantedRoles.join(', ')}`,
    );
    this.details = { requestedRole, grantedRoles: [...grantedRoles] };
  }
}
