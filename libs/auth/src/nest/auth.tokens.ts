/** The `TokenVerifier` of the app (`createTokenVerifier(trust)`). */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
/** Route metadata: no token needed (`@Public()`). */
export const IS_PUBLIC = Symbol('jejak.auth.public');
/** Route metadata: the roles allowed (`@Roles(...)`). */
export const ALLOWED_ROLES = Symbol('jejak.auth.roles');
