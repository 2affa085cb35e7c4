import { Logger } from '@nestjs/common';
import { loadOrCreateJwtSecret, type TokenTrust } from '@jejak/auth';
import type { AuthConfig } from '../api.config.js';

const logger = new Logger('Auth');

/**
 * What the API trusts, from the config: JWT_SECRET, an OIDC JWKS, or (embedded, neither set) the
 * secret generated once into DATA_DIR/jwt-secret. Logs where the secret is, never the secret.
 */
export function tokenTrustFrom(auth: AuthConfig): TokenTrust {
  let secret = auth.secret;
  if (secret === undefined && auth.generatedSecretDir !== undefined) {
    const stored = loadOrCreateJwtSecret(auth.generatedSecretDir);
    logger.log(
      `${stored.created ? 'Generated the JWT secret in' : 'Using the JWT secret in'} ${stored.path}`,
    );
    secret = stored.secret;
  }
  return {
    ...(secret === undefined ? {} : { secret }),
    ...(auth.jwksUrl === undefined ? {} : { jwksUrl: auth.jwksUrl }),
    ...(auth.issuer === undefined ? {} : { issuer: auth.issuer }),
    ...(auth.audience === undefined ? {} : { audience: auth.audience }),
  };
}
