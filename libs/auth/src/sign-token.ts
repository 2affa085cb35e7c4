import { SignJWT } from 'jose';
import type { Role } from '@jejak/workflows';

export type TokenRequest = {
  secret: string;
  sub: string;
  name: string;
  nip?: string;
  roles: readonly Role[];
  /** Lifetime: `8h`, `30m`, `7d`, `90s` or plain seconds (default 8h). */
  ttl?: string;
  issuer?: string;
  audience?: string;
  now?: Date;
};

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a lifetime like `8h`, `30m`, `7d`, `90s` or `3600`; throws on anything else. */
export function parseTtl(ttl: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(ttl.trim());
  const seconds = match ? Number(match[1]) * (UNITS[match[2] || 's'] ?? 1) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new Error(`Invalid lifetime ${JSON.stringify(ttl)}: use e.g. 8h, 30m, 7d or 3600`);
  }
  return seconds;
}

/** An HS256 token jejak accepts (the CLI's `token` command, tests, the scheduler's SYSTEM token). */
export async function signToken(request: TokenRequest): Promise<string> {
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  let jwt = new SignJWT({
    name: request.name,
    roles: [...request.roles],
    ...(request.nip === undefined ? {} : { nip: request.nip }),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + parseTtl(request.ttl ?? '8h'));
  if (request.issuer) jwt = jwt.setIssuer(request.issuer);
  if (request.audience) jwt = jwt.setAudience(request.audience);
  return jwt.sign(new TextEncoder().encode(request.secret));
}
