import type { BlobStore } from './blob-store.port.js';
import { referencedFiles } from './referenced-files.js';

/** A referenced file with its stored bytes (base64), null when the store does not hold it. */
export type CollectedFile = {
  sha256: string;
  mediaType: string;
  size: number;
  contentBase64: string | null;
};

/**
 * The files the events refer to, each once, with their bytes as stored now (an altered file is
 * collected as it is, so the bundle's own check shows the alteration).
 */
export async function collectReferencedFiles(
  events: readonly { data: unknown }[],
  blobs: BlobStore,
): Promise<CollectedFile[]> {
  const files = new Map<string, CollectedFile>();
  for (const event of events) {
    for (const reference of referencedFiles(event.data)) {
      if (files.has(reference.sha256)) continue;
      const bytes = await blobs.read(reference.sha256);
      files.set(reference.sha256, {
        sha256: reference.sha256,
        mediaType: reference.mediaType,
        size: reference.size,
        contentBase64: bytes === null ? null : bytes.toString('base64'),
      });
    }
  }
  return [...files.values()];
}
