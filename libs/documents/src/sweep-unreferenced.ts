import type { BlobInfo, BlobStore } from './blob-store.port.js';

/** A file no event refers to is kept this long after its last upload, then removed. */
export const UNREFERENCED_TTL_MS = 24 * 60 * 60 * 1000;

function lastUploadAt(blob: BlobInfo): number {
  const times = [blob.storedAt, ...blob.uploads.map((u) => u.at)].map((t) => Date.parse(t));
  return Math.max(...times);
}

/**
 * Removes the files no event refers to whose last upload is more than a day before `now`.
 * Returns the removed hashes.
 */
export async function sweepUnreferenced(
  blobs: BlobStore,
  referenced: () => Promise<Set<string>>,
  now: Date,
): Promise<string[]> {
  const stored = await blobs.list();
  const cutoff = now.getTime() - UNREFERENCED_TTL_MS;
  const old = stored.filter((blob) => lastUploadAt(blob) < cutoff);
  if (old.length === 0) return [];
  // Asked after listing: a file referred to meanwhile is kept.
  const keep = await referenced();
  const removed: string[] = [];
  for (const blob of old) {
    if (keep.has(blob.sha256)) continue;
    await blobs.remove(blob.sha256);
    removed.push(blob.sha256);
  }
  return removed;
}
