import { ROLES, type Role } from '@jejak/workflows';
import {
  InvalidOffsetsError,
  parseReminderOffsets,
  type ReminderOffsets,
} from './core/reminder-offsets.js';
import { DEFAULT_WORKER_CONCURRENCY } from './firing/reminder-worker.js';
import type { Lang } from './messages/format-wita.js';
import type { EmailOptions } from './notify/email.notifier.js';
import type { WebhookOptions } from './notify/webhook.notifier.js';

/** The shortest WEBHOOK_SECRET accepted (HMAC-SHA256 key). */
export const MIN_WEBHOOK_SECRET_BYTES = 32;

/** The variables the reminders read (apps pass them in; the lib never reads the environment). */
export const REMINDER_CONFIG_KEYS = [
  'REDIS_URL',
  'REMINDER_OFFSETS',
  'REMINDER_RECIPIENTS',
  'NOTIFY_LANG',
  'WEBHOOK_URL',
  'WEBHOOK_SECRET',
  'SMTP_URL',
  'SMTP_FROM',
  'PUBLIC_BASE_URL',
  'REMINDER_QUEUE_PREFIX',
  'REMINDER_CONCURRENCY',
] as const;

export type RemindersConfig = {
  redisUrl: string;
  offsets: ReminderOffsets;
  lang: Lang;
  publicBaseUrl: string;
  webhook: WebhookOptions | null;
  email: EmailOptions | null;
  /**
   * `REMINDER_QUEUE_PREFIX`: the BullMQ key prefix (default `jejak`). One per deployment sharing
   * a Redis; every process of one deployment (API, worker, CLI) must use the same.
   */
  queuePrefix: string;
  /**
   * `REMINDER_CONCURRENCY`: jobs one worker fires at once (default 16, 1 to 256); also the most
   * webhook posts and SMTP connections it has open at once.
   */
  concurrency: number;
};

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE_PREFIX = 'jejak';
const MAX_CONCURRENCY = 256;
/** Redis key characters that BullMQ keys and the selection index take as they are. */
const PREFIX = /^[A-Za-z0-9._{}-]{1,64}$/;

export class InvalidRemindersConfigError extends Error {
  readonly code = 'INVALID_CONFIG';
  constructor(readonly problems: string[]) {
    super(`Invalid reminders configuration: ${problems.join('; ')}`);
  }
}

const isRole = (text: string): text is Role => (ROLES as readonly string[]).includes(text);
const EMAIL = /^[^\s@,;]+@[^\s@,;]+$/;

/** `SEKRETARIAT=bkd@ntt.go.id,sekpansel@ntt.go.id;PANSEL=pansel@ntt.go.id`. */
export function parseRecipients(spec: string, problems: string[]): Partial<Record<Role, string[]>> {
  const recipients: Partial<Record<Role, string[]>> = {};
  for (const part of spec
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [role, list = ''] = part.split('=').map((s) => s.trim());
    const addresses = list
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    if (role === undefined || !isRole(role))
      problems.push(`REMINDER_RECIPIENTS: "${role}" is not a role`);
    else if (addresses.some((a) => !EMAIL.test(a)))
      problems.push(`REMINDER_RECIPIENTS: ${role} has an address that is not an e-mail address`);
    else recipients[role] = addresses;
  }
  return recipients;
}

const present = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

function urlProblem(name: string, value: string, schemes: string[]): string | null {
  try {
    const { protocol } = new URL(value);
    return schemes.includes(protocol) ? null : `${name} must use ${schemes.join(' or ')}`;
  } catch {
    return `${name} is not a URL`;
  }
}

/** Reads and checks the reminder variables; every problem is named at once (fails the boot). */
export function parseRemindersConfig(
  vars: Partial<Record<string, string | undefined>>,
): RemindersConfig {
  const problems: string[] = [];
  const get = (key: (typeof REMINDER_CONFIG_KEYS)[number]) => present(vars[key]);
  let offsets = parseReminderOffsets(undefined);
  try {
    offsets = parseReminderOffsets(get('REMINDER_OFFSETS'));
  } catch (error) {
    if (!(error instanceof InvalidOffsetsError)) throw error;
    problems.push(`REMINDER_OFFSETS: ${error.message}`);
  }
  const lang = get('NOTIFY_LANG') ?? 'id';
  if (lang !== 'id' && lang !== 'en') problems.push('NOTIFY_LANG must be id or en');
  const redisUrl = get('REDIS_URL') ?? DEFAULT_REDIS_URL;
  const redisProblem = urlProblem('REDIS_URL', redisUrl, ['redis:', 'rediss:']);
  if (redisProblem) problems.push(redisProblem);

  const webhookUrl = get('WEBHOOK_URL');
  const secret = get('WEBHOOK_SECRET');
  if (webhookUrl !== undefined) {
    const problem = urlProblem('WEBHOOK_URL', webhookUrl, ['http:', 'https:']);
    if (problem) problems.push(problem);
    if (secret === undefined)
      problems.push(
        'WEBHOOK_SECRET is required with WEBHOOK_URL (receivers check X-Jejak-Signature)',
      );
    else if (Buffer.byteLength(secret) < MIN_WEBHOOK_SECRET_BYTES)
      problems.push(
        `WEBHOOK_SECRET must be at least ${MIN_WEBHOOK_SECRET_BYTES} bytes (openssl rand -hex 32): a short key can be guessed from signed bodies`,
      );
  }
  const smtpUrl = get('SMTP_URL');
  const recipients = parseRecipients(get('REMINDER_RECIPIENTS') ?? '', problems);
  if (smtpUrl !== undefined) {
    const problem = urlProblem('SMTP_URL', smtpUrl, ['smtp:', 'smtps:']);
    if (problem) problems.push(problem);
  }
  const queuePrefix = get('REMINDER_QUEUE_PREFIX') ?? DEFAULT_QUEUE_PREFIX;
  if (!PREFIX.test(queuePrefix))
    problems.push('REMINDER_QUEUE_PREFIX must be 1 to 64 of A-Z a-z 0-9 . _ - { }');
  const concurrencyText = get('REMINDER_CONCURRENCY');
  const concurrency =
    concurrencyText === undefined ? DEFAULT_WORKER_CONCURRENCY : Number(concurrencyText);
  if (!/^\d+$/.test(concurrencyText ?? '1') || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    problems.push(`REMINDER_CONCURRENCY must be an integer from 1 to ${MAX_CONCURRENCY}`);
  if (problems.length > 0) throw new InvalidRemindersConfigError(problems);
  return {
    redisUrl,
    offsets,
    lang: lang as Lang,
    publicBaseUrl: get('PUBLIC_BASE_URL') ?? 'http://127.0.0.1:3000',
    webhook: webhookUrl === undefined ? null : { url: webhookUrl, secret: secret! },
    email:
      smtpUrl === undefined
        ? null
        : { smtpUrl, from: get('SMTP_FROM') ?? 'jejak <jejak@localhost>', recipients },
    queuePrefix,
    concurrency,
  };
}
