import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const JWT_SECRET_FILE = 'jwt-secret';

/** Shortest HS256 secret accepted, in bytes (RFC 7518 §3.2: at least the hash size). */
export const MIN_SECRET_BYTES = 32;

function readSecret(path: string): string {
  const secret = readFileSync(path, 'utf8').trim();
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    throw new Error(`${path} holds no usable secret (fewer than ${MIN_SECRET_BYTES} bytes)`);
  }
  // Someone loosened it: a secret readable by others is no secret.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return secret;
}

/**
 * The embedded deployment's HS256 secret: read from `<dataDir>/jwt-secret`, or generated there
 * once (48 random bytes, base64url, file mode 0600), so tokens survive restarts. The secret is
 * returned, never logged.
 */
export function loadOrCreateJwtSecret(dataDir: string): {
  secret: string;
  path: string;
  created: boolean;
} {
  const path = join(dataDir, JWT_SECRET_FILE);
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    return { secret: readSecret(path), path, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { secret: readSecret(path), path, created: false };
  }
}
