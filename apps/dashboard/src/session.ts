// The signed-in user: the bearer token (kept in sessionStorage: gone when the tab closes), what its
// claims say for display (the server verifies; the page never trusts them for anything else), and
// the role the user acts in (sent as X-Jejak-Role).

export type Claims = { sub: string; name: string; nip?: string; roles: string[]; exp?: number };
export type Session = { token: string; claims: Claims; role: string };

const KEY = 'jejak.session';

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT (not verified: display only); undefined when it is not a JWT. */
export function readClaims(token: string): Claims | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload = JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>;
    const roles = Array.isArray(payload['roles'])
      ? payload['roles'].map(String)
      : typeof payload['roles'] === 'string'
        ? payload['roles'].split(/[\s,]+/).filter(Boolean)
        : [];
    return {
      sub: typeof payload['sub'] === 'string' ? payload['sub'] : '',
      name:
        typeof payload['name'] === 'string'
          ? payload['name']
          : typeof payload['sub'] === 'string'
            ? payload['sub']
            : '',
      ...(typeof payload['nip'] === 'string' ? { nip: payload['nip'] } : {}),
      roles,
      ...(typeof payload['exp'] === 'number' ? { exp: payload['exp'] } : {}),
    };
  } catch {
    return undefined;
  }
}

export function sessionFromToken(token: string, role?: string): Session | undefined {
  const claims = readClaims(token);
  if (!claims) return undefined;
  const acting = role !== undefined && claims.roles.includes(role) ? role : (claims.roles[0] ?? '');
  return { token: token.trim(), claims, role: acting };
}

export function isExpired(session: Session, nowMs: number): boolean {
  return session.claims.exp !== undefined && session.claims.exp * 1000 <= nowMs;
}

export function loadSession(): Session | undefined {
  try {
    const stored = sessionStorage.getItem(KEY);
    if (!stored) return undefined;
    const { token, role } = JSON.parse(stored) as { token: string; role?: string };
    const session = sessionFromToken(token, role);
    return session && !isExpired(session, Date.now()) ? session : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  if (session === undefined) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify({ token: session.token, role: session.role }));
}
