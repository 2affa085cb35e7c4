import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { AuthError, InvalidTokenError } from './auth.errors.js';
import { principalFromClaims, type Principal } from './actor.js';

/**
 * How tokens are trusted: an HS256 shared `secret` (JWT_SECRET, or the generated embedded one),
 * an OIDC issuer's `jwksUrl` (JWT_JWKS_URL), or both (HS256 tokens are then checked against the
 * secret, all others against the JWKS). `issuer` and `audience` are checked whenever set
 * (always with a JWKS: the config requires them).
 */
/**
 * The oldest token accepted, by its `iat` (seconds): a leaked long-lived token stops working
 * within a week whatever its `exp` says. The CLI's `--ttl` is capped at the same.
 */
export const MAX_TOKEN_AGE_SECONDS = 7 * 24 * 60 * 60;

export type TokenTrust = {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Seconds of clock skew tolerated on `exp` and `nbf` (default 30). */
  clockToleranceSeconds?: number;
  /** The JWKS fetch deadline in milliseconds (default 5,000). */
  jwksTimeoutMs?: number;
  /** The oldest accepted token by `iat`, in seconds (default MAX_TOKEN_AGE_SECONDS). */
  maxTokenAgeSeconds?: number;
  /** The clock (tests). */
  now?: () => Date;
};

export type TokenVerifier = (token: string) => Promise<Principal>;

/** The identity provider's JWKS could not be fetched: not the caller's fault, retry later. */
export class AuthProviderUnavailableError extends AuthError {
  readonly code = 'AUTH_PROVIDER_UNAVAILABLE';

  constructor(reason: string) {
    super(`The identity provider's keys could not be fetched: ${reason}`);
  }
}

const ASYMMETRIC = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

type KeyChoice = { key: Uint8Array | JWTVerifyGetKey; algorithms: string[] };

function keyChooser(trust: TokenTrust): (alg: string | undefined) => KeyChoice {
  const secret = trust.secret ? new TextEncoder().encode(trust.secret) : undefined;
  const jwks = trust.jwksUrl
    ? createRemoteJWKSet(new URL(trust.jwksUrl), { timeoutDuration: trust.jwksTimeoutMs ?? 5000 })
    : undefined;
  return (alg: string | undefined) => {
    if (alg === 'HS256' && secret !== undefined) return { key: secret, algorithms: ['HS256'] };
    if (jwks !== undefined && alg !== undefined && ASYMMETRIC.includes(alg)) {
      return { key: jwks, algorithms: ASYMMETRIC };
    }
    throw new InvalidTokenError(`tokens signed with ${alg ?? 'no algorithm'} are not accepted`);
  };
}

/** jose's errors, reduced to a reason safe to show the caller (never the token itself). */
function reasonOf(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWKSTimeout) return new AuthProviderUnavailableError('timed out');
  // A plain JOSEError (no subclass) comes only from fetching the JWKS: not 200, not JSON.
  if (error instanceof errors.JWKSInvalid || error?.constructor === errors.JOSEError) {
    return new AuthProviderUnavailableError((error as Error).message);
  }
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new InvalidTokenError(`the "${error.claim}" claim is missing or not accepted`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('the signature does not verify');
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new InvalidTokenError("no key of the issuer's JWKS matches the token");
  }
  if (error instanceof errors.JOSEError) return new InvalidTokenError('the token is malformed');
  const message = error instanceof Error ? error.message : String(error);
  return new AuthProviderUnavailableError(message);
}

/** Verified tokens kept per process (their principal until they expire), oldest dropped first. */
const VERIFIED_TOKENS = 10_000;

/**
 * Checks a bearer token and returns its principal, or throws an `AuthError`. A token that
 * verified is remembered until its `exp` (plus the tolerated skew): the same token again costs a
 * map lookup, not a signature check. Only successes are kept; a token that is not valid yet
 * (`nbf`) or failed is checked afresh every time.
 */
export function createTokenVerifier(trust: TokenTrust): TokenVerifier {
  const verify = signatureVerifier(trust);
  const toleranceMs = (trust.clockToleranceSeconds ?? 30) * 1000;
  const verified = new Map<string, { principal: Principal; validUntilMs: number }>();
  return async (token) => {
    const nowMs = trust.now ? trust.now().getTime() : Date.now();
    const known = verified.get(token);
    if (known !== undefined) {
      if (nowMs < known.validUntilMs) return known.principal;
      verified.delete(token);
    }
    const { principal, exp } = await verify(token);
    verified.set(token, { principal, validUntilMs: exp * 1000 + toleranceMs });
    if (verified.size > VERIFIED_TOKENS) {
      const oldest = verified.keys().next().value;
      if (oldest !== undefined) verified.delete(oldest);
    }
    return principal;
  };
}

function signatureVerifier(
  trust: TokenTrust,
): (token: string) => Promise<{ principal: Principal; exp: number }> {
  if (!trust.secret && !trust.jwksUrl) {
    throw new Error('Token verification needs a secret or a JWKS URL');
  }
  const choose = keyChooser(trust);
  const base: JWTVerifyOptions = {
    clockTolerance: trust.clockToleranceSeconds ?? 30,
    requiredClaims: ['exp', 'sub', 'iat'],
    maxTokenAge: trust.maxTokenAgeSeconds ?? MAX_TOKEN_AGE_SECONDS,
    ...(trust.issuer ? { issuer: trust.issuer } : {}),
    ...(trust.audience ? { audience: trust.audience } : {}),
  };
  return async (token) => {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidTokenError('the token is malformed');
    }
    let payload: JWTPayload;
    try {
      const { key, algorithms } = choose(alg);
      const options = { ...base, algorithms, ...(trust.now ? { currentDate: trust.now() } : {}) };
      payload =
        key instanceof Uint8Array
          ? (await jwtVerify(token, key, options)).payload
          : (await jwtVerify(token, key, options)).payload;
    } catch (error) {
      throw reasonOf(error);
    }
    // `exp` is a required claim: jwtVerify checked it is a number.
    return { principal: principalFromClaims(payload), exp: payload.exp! };
  };
}
