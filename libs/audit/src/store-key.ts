import { createHash } from 'node:crypto';
import { canonicalJson } from '@jejak/event-store';

/**
 * A short, stable name for where events live (the store options: kind, file, URL, schema...),
 * hashed so no credential in a URL shows in Redis keys.
 */
export function storeKeyOf(location: Record<string, unknown>): string {
  const json = canonicalJson(JSON.parse(JSON.stringify(location)) as unknown);
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}
