/**
 * @jejak/auth: bearer tokens (HS256 secret or OIDC JWKS), roles, and the actor recorded on each
 * event. Framework-free functions first; the Nest module and guards after.
 */
export {
  AuthError,
  AuthenticationRequiredError,
  InvalidTokenError,
  RoleNotAllowedError,
  RoleNotGrantedError,
} from './auth.errors.js';
export { ROLES, ROLE_HEADER, isRole, roleAllowed, rolesFromClaim, type Role } from './roles.js';
export { actorFor, principalFromClaims, type Actor, type Principal } from './actor.js';
export {
  AuthProviderUnavailableError,
  createTokenVerifier,
  MAX_TOKEN_AGE_SECONDS,
  type TokenTrust,
  type TokenVerifier,
} from './verify-token.js';
export { parseTtl, signToken, type TokenRequest } from './sign-token.js';
export { JWT_SECRET_FILE, MIN_SECRET_BYTES, loadOrCreateJwtSecret } from './jwt-secret.js';
export { AuthModule, type AuthModuleAsyncOptions } from './nest/auth.module.js';
export { ALLOWED_ROLES, IS_PUBLIC, TOKEN_VERIFIER } from './nest/auth.tokens.js';
export { CurrentActor, Public, Roles } from './nest/decorators.js';
export { JwtAuthGuard, bearerToken } from './nest/jwt-auth.guard.js';
export { RolesGuard, assertRoleAllowed } from './nest/roles.guard.js';
export type { AuthenticatedRequest } from './nest/authenticated-request.js';
