import { chmodSync, existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ApiConfig } from '../api.config.js';

/** Routes whose answers hold personal data or decisions: never cached, never sniffed. */
const PERSONAL = /^\/(selections|audit)(\/|$|\?)/;

/**
 * Hides what a `/health` answer should not tell a stranger: addresses, host:port pairs, URLs
 * (with their credentials) and user names from a driver's error message. The dependency that is
 * down stays named by its entry (`store`, `redis`, `reminders`).
 */
export function scrubHealthText(text: string): string {
  return text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"',;)]+/gi, '(url hidden)')
    .replace(/\buser\s+\\?"[^"\\]*\\?"/gi, 'user (hidden)')
    .replace(/\[[0-9a-f:.]+\](:\d+)?/gi, '(address hidden)')
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?\b/g, '(address hidden)')
    .replace(/\b[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(:\d{1,5})?\b/gi, (match) =>
      /^(redis|store|reminders)\b/.test(match) ? match : '(host hidden)',
    )
    .replace(/\b[a-z][a-z0-9-]*:\d{2,5}\b/gi, '(address hidden)');
}

/**
 * `Cache-Control: no-store` and `X-Content-Type-Options: nosniff` on every selection and audit
 * answer (errors included); `/health` scrubbed of hosts and user names.
 */
export function registerResponseHygiene(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const url = request.url;
    if (PERSONAL.test(url)) {
      if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
      void reply.header('x-content-type-options', 'nosniff');
    }
    if ((url === '/health' || url.startsWith('/health?')) && typeof payload === 'string') {
      return scrubHealthText(payload);
    }
    return payload;
  });
}

/**
 * DATA_DIR readable by the service's user only (0700), the embedded store's files 0600: they hold
 * every event, personal data included. Best effort on a directory owned by someone else.
 */
export function restrictDataFiles(config: ApiConfig): void {
  const paths: [string, number][] = [[config.dataDir, 0o700]];
  const store = config.eventStore.kind === 'embedded' ? config.eventStore.path : undefined;
  if (store !== undefined) {
    for (const suffix of ['', '-wal', '-shm']) paths.push([`${store}${suffix}`, 0o600]);
  }
  for (const [path, mode] of paths) {
    try {
      if (existsSync(path)) chmodSync(path, mode);
    } catch {
      // not ours to change (a mounted volume owned by root): the operator's choice
    }
  }
}
