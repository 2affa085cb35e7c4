import { loadOrCreateJwtSecret, signToken, type Role } from '@jejak/auth';
import type { ApiConfig } from '../api.config.js';
import { isLoopbackHost } from '../security/security.config.js';

/** Lifetime of a demo token: short, it is for trying the dashboard out. */
export const DEMO_TOKEN_TTL_SECONDS = 2 * 60 * 60;

/**
 * Demo sign-in ("sign in as <role>") exists only when asked for (DEMO_SIGN_IN=on, or `npm start`'s
 * default), bound to a loopback address, outside NODE_ENV=production, on the embedded store without
 * a configured secret (neither JWT_SECRET nor a JWKS): the secret is then the one generated into
 * DATA_DIR, private to this machine. `loadApiConfig` decides (`security.demoSignIn`); the checks
 * are repeated here so no other path to an ApiConfig can turn it on elsewhere.
 */
export function demoSignInEnabled(config: ApiConfig): boolean {
  return (
    config.security.demoSignIn &&
    !config.security.production &&
    isLoopbackHost(config.host) &&
    config.eventStore.kind === 'embedded' &&
    config.auth.secret === undefined &&
    config.auth.jwksUrl === undefined &&
    config.auth.generatedSecretDir !== undefined
  );
}

const TITLES: Record<string, string> = {
  SEKRETARIAT: 'Sekretariat Pansel (demo)',
  PANSEL: 'Anggota Pansel (demo)',
  TPK: 'Anggota TPK (demo)',
  ASESOR: 'Asesor (demo)',
  PPK: 'Gubernur / PPK (demo)',
  SEKDA: 'Sekretaris Daerah (demo)',
  AUDITOR: 'Auditor (demo)',
};

export type DemoToken = { token: string; role: Role; sub: string; name: string; expiresIn: number };

/** A short-lived token for one role, signed with the embedded generated secret. */
export async function demoToken(
  config: ApiConfig,
  role: Role,
  now = new Date(),
): Promise<DemoToken> {
  const dir = config.auth.generatedSecretDir;
  if (dir === undefined) throw new Error('demo sign-in needs the embedded generated secret');
  const { secret } = loadOrCreateJwtSecret(dir);
  const sub = `demo-${role.toLowerCase()}`;
  const name = TITLES[role] ?? `${role} (demo)`;
  const token = await signToken({
    secret,
    sub,
    name,
    roles: [role],
    ttl: String(DEMO_TOKEN_TTL_SECONDS),
    now,
  });
  return { token, role, sub, name, expiresIn: DEMO_TOKEN_TTL_SECONDS };
}
