import type { EnvReader } from '../config/env-reader.js';

/** The variables read here (listed in CONFIG_KEYS with the rest). */
export const SECURITY_CONFIG_KEYS = [
  'NODE_ENV',
  'DEMO_SIGN_IN',
  'RATE_LIMIT_COMMANDS',
  'RATE_LIMIT_DEMO_SIGN_IN',
  'RATE_LIMIT_AUDIT_VERIFY',
  'REQUEST_TIMEOUT',
] as const;

/** A per-client budget: at most `max` requests per `windowMs`; `null` is off. */
export type RateLimit = { max: number; windowMs: number } | null;

export type SecurityConfig = {
  /** NODE_ENV=production: demo sign-in impossible, a secret or JWKS required, /docs needs a token. */
  production: boolean;
  /** POST /auth/demo-token exists (opt-in, loopback only, never in production). */
  demoSignIn: boolean;
  rateLimits: { commands: RateLimit; demoToken: RateLimit; auditVerify: RateLimit };
  /** Milliseconds a client has to send a whole request (Fastify `requestTimeout`). */
  requestTimeoutMs: number;
};

/** Generous: one person never comes near them; a script hammering one route does. */
export const DEFAULT_RATE_LIMITS = {
  commands: '3000/10s',
  demoToken: '20/1m',
  auditVerify: '30/1m',
} as const;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000 };

/** `<n>/<window>` (`600/10s`, `20/1m`, `1000/1h`) or `off`; undefined when malformed. */
export function parseRateLimit(text: string): RateLimit | undefined {
  if (text === 'off') return null;
  const match = /^(\d{1,7})\/(\d{0,4})([smh])$/.exec(text);
  if (!match) return undefined;
  const max = Number(match[1]);
  const windowMs = Number(match[2] === '' ? '1' : match[2]) * (UNITS[match[3] as string] ?? 0);
  if (max < 1 || windowMs < 1_000) return undefined;
  return { max, windowMs };
}

/** 127.0.0.0/8, ::1, localhost: an address only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    bare === 'localhost' ||
    bare === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)
  );
}

/** JWKS over `http:` only from a loopback host (a sidecar); anything else must be https. */
export function jwksUrlProblem(url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:' || isLoopbackHost(parsed.hostname)) return undefined;
  return `must be https:// (keys over plain HTTP can be replaced on the way; got ${parsed.protocol}//${parsed.host})`;
}

export type SecurityContext = {
  host: string;
  embedded: boolean;
  /** JWT_SECRET or JWT_JWKS_URL is set. */
  configuredTrust: boolean;
  /** What DEMO_SIGN_IN means when unset (`npm start` passes `on`: a newcomer's laptop). */
  demoSignInDefault: 'on' | 'off';
};

function readRateLimit(read: EnvReader, variable: string, fallback: string): RateLimit {
  const text = read.string(variable) ?? fallback;
  const limit = parseRateLimit(text);
  if (limit === undefined) {
    read.problem(
      variable,
      `must be <n>/<window> (e.g. ${fallback}; window in s, m or h, >= 1s) or off (got ${JSON.stringify(text)})`,
    );
    return parseRateLimit(fallback) ?? null;
  }
  return limit;
}

/**
 * Demo sign-in is on only when asked for (DEMO_SIGN_IN=on, or `npm start`'s default), on the
 * embedded store with the generated secret, bound to loopback, outside production. Asked for
 * explicitly where it cannot be: the boot stops and says why; a default that cannot hold is off.
 */
function readDemoSignIn(read: EnvReader, production: boolean, context: SecurityContext): boolean {
  const explicit = read.string('DEMO_SIGN_IN') !== undefined;
  const wanted = read.oneOf('DEMO_SIGN_IN', ['on', 'off'], context.demoSignInDefault) === 'on';
  if (!wanted) return false;
  const refusals = [
    production ? 'NODE_ENV=production' : undefined,
    isLoopbackHost(context.host) ? undefined : `HOST=${context.host} (not a loopback address)`,
    context.embedded ? undefined : 'a store other than embedded',
    context.configuredTrust ? 'JWT_SECRET or JWT_JWKS_URL set' : undefined,
  ].filter((reason) => reason !== undefined);
  if (refusals.length === 0) return true;
  if (explicit) {
    read.problem(
      'DEMO_SIGN_IN',
      `on is refused with ${refusals.join(', ')}: anyone reaching the port could mint a token`,
    );
  }
  return false;
}

export function readSecurity(read: EnvReader, context: SecurityContext): SecurityConfig {
  const production = read.string('NODE_ENV') === 'production';
  if (production && !context.configuredTrust && context.embedded) {
    read.problem(
      'JWT_SECRET',
      'is required (or JWT_JWKS_URL) with NODE_ENV=production: a generated secret is for one laptop',
    );
  }
  return {
    production,
    demoSignIn: readDemoSignIn(read, production, context),
    rateLimits: {
      commands: readRateLimit(read, 'RATE_LIMIT_COMMANDS', DEFAULT_RATE_LIMITS.commands),
      demoToken: readRateLimit(read, 'RATE_LIMIT_DEMO_SIGN_IN', DEFAULT_RATE_LIMITS.demoToken),
      auditVerify: readRateLimit(read, 'RATE_LIMIT_AUDIT_VERIFY', DEFAULT_RATE_LIMITS.auditVerify),
    },
    requestTimeoutMs:
      read.integer('REQUEST_TIMEOUT', { min: 1_000, max: 600_000 }) ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
}
