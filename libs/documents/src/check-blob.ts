import type { BlobStore } from './blob-store.port.js';
import { sha256Of } from './sha256.js';

export type BlobCheck = 'intact' | 'missing' | 'altered';

/** Whether a stored file is present and its bytes still hash to its name. */
export async function checkBlob(store: BlobStore, sha256: string): Promise<BlobCheck> {
  const bytes = await store.read(sha256);
  if (bytes === null) return 'missing';
  return sha256Of(bytes) === sha256 ? 'intact' : 'altered';
}
