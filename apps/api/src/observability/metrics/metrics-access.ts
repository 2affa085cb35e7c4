import { timingSafeEqual } from 'node:crypto';

export type MetricsAccessRequest = {
  /** The TCP peer (never a forwarded header: those can be forged). */
  remoteAddress: string | undefined;
  authorization: string | undefined;
};

export type MetricsAccess =
  { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may scrape `/metrics`: with `METRICS_TOKEN` set, whoever sends `Authorization: Bearer
 * <token>` (from anywhere); without it, only a client on the loopback interface.
 */
export function checkMetricsAccess(
  request: MetricsAccessRequest,
  token: string | undefined,
): MetricsAccess {
  if (token !== undefined && token !== '') {
    const match = /^Bearer\s+(.+)$/i.exec(request.authorization ?? '');
    if (match?.[1] !== undefined && sameSecret(match[1].trim(), token)) return { allowed: true };
    return { allowed: false, status: 401, reason: 'a valid metrics token is required' };
  }
  if (isLoopback(request.remoteAddress)) return { allowed: true };
  return {
    allowed: false,
    status: 403,
    reason: 'metrics are served to loopback clients only unless METRICS_TOKEN is set',
  };
}
