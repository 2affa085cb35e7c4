import { createHash } from 'node:crypto';

const SHA256 = /^[0-9a-f]{64}$/;

/** A SHA-256 written as 64 lowercase hexadecimal digits. */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256.test(value);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** How many leading bytes `file-type` needs to recognise a type. */
export const HEAD_BYTES = 4100;
