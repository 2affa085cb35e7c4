/**
 * Log redaction: tokens, secrets and personal data (NIP, names, contact details, health and
 * psychological results) never reach a log line, whoever logs them and however deep they sit.
 * Keys are matched by name; strings are scrubbed of things that look like bearer tokens, JWTs
 * and NIPs wherever they appear (a message, a URL, an error).
 */
export const REDACTED = '[REDACTED]';

const SECRET_KEYS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  '[a-z-_]*token[s]?',
  '[a-z-_]*secret[s]?',
  '[a-z-_]*password',
  'passwd',
  'api[-_]?key',
  'private[-_]?key',
  'signing[-_]?key',
  'jwt',
  'signature',
  'x-jejak-signature',
];

const PERSONAL_KEYS = [
  'nip',
  'nik',
  'name',
  'nama',
  '[a-z]*[-_]?name',
  'email',
  'e-mail',
  'phone',
  'telepon',
  'address',
  'alamat',
  'birth[a-z]*',
  'date[-_]?of[-_]?birth',
  'tanggal[-_]?lahir',
  'health[a-z]*',
  'healthy',
  'kesehatan[a-z]*',
  'medical[a-z]*',
  'psych[a-z]*',
  'psikolog[a-z]*',
  'assessment[a-z]*',
  'jpm',
  'integrity',
];

/** Names that end in "name" but carry no personal data: they stay readable. */
const ALLOWED_KEYS = new Set(['hostname', 'pathname', 'routename', 'subscribername', 'queuename']);

const SENSITIVE_KEY = new RegExp(`^(${[...SECRET_KEYS, ...PERSONAL_KEYS].join('|')})$`, 'i');

export function isSensitiveKey(key: string): boolean {
  return !ALLOWED_KEYS.has(key.toLowerCase()) && SENSITIVE_KEY.test(key);
}

const TEXT_PATTERNS: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  // NIP: 18 digits (birth date, appointment date, sex, serial), optionally spaced.
  [/(?<!\d)\d{8}\s?\d{6}\s?\d\s?\d{3}(?!\d)/g, REDACTED],
  [/([?&](?:[a-z_-]*token|[a-z_-]*secret|key|nip|name)=)[^&#\s]*/gi, `$1${REDACTED}`],
];

export function scrubText(text: string): string {
  return TEXT_PATTERNS.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  );
}

const MAX_DEPTH = 8;

/** A redacted copy of `value`: sensitive keys replaced, strings scrubbed, cycles cut. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (value instanceof Error) return redactError(value, depth, seen);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? REDACTED : redact(item, depth + 1, seen);
  }
  return out;
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const fields = redact({ ...error }, depth + 1, seen) as Record<string, unknown>;
  return {
    ...fields,
    type: error.name,
    message: scrubText(error.message),
    ...(error.stack === undefined ? {} : { stack: scrubText(error.stack) }),
    ...(error.cause === undefined ? {} : { cause: redact(error.cause, depth + 1, seen) }),
  };
}
