import { createHash } from 'node:crypto';

/**
 * The id of a selection opened with an `Idempotency-Key`: derived from the caller and the key
 * (SHA-256, shaped as a version-8 UUID), so a retry lands on the same stream, where the stored
 * key answers with the first result, also after a restart.
 */
export function selectionIdForKey(sub: string, idempotencyKey: string): string {
  const hex = createHash('sha256')
    .update(`jejak-open-selection\n${sub}\n${idempotencyKey}`)
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
