/**
 * Where evidence files (the signed PDF of a decree, a scanned letter) are kept, named by the
 * SHA-256 of their bytes. Events refer to a file by that hash and never hold its bytes. Two
 * adapters: files under DATA_DIR/blobs (embedded) and rows in PostgreSQL.
 */

export type BlobStoreKind = 'embedded' | 'postgres';

/** Who uploaded a file and when (a file no event refers to is readable only by its uploaders). */
export type BlobUpload = { uploader: string; at: string };

export type BlobInfo = {
  sha256: string;
  size: number;
  mediaType: string;
  /** When the bytes were first stored (ISO 8601 UTC). */
  storedAt: string;
  uploads: BlobUpload[];
};

/**
 * Bytes received and hashed but not yet stored under their hash: `commit` stores them (once:
 * a file already stored only gains the upload), `discard` forgets them. Exactly one of the two
 * must be called.
 */
export type StagedBlob = {
  sha256: string;
  size: number;
  /** The first bytes (up to 4100), to recognise the file's type by its content. */
  head: Buffer;
  commit(upload: { mediaType: string; uploader: string; at: Date }): Promise<BlobInfo>;
  discard(): Promise<void>;
};

export interface BlobStore {
  readonly kind: BlobStoreKind;
  /**
   * Receives a stream into a temporary place while hashing it. More than `maxBytes`: throws
   * `BlobTooLargeError` and keeps nothing.
   */
  stage(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StagedBlob>;
  /** What is known of a stored file, or null. */
  info(sha256: string): Promise<BlobInfo | null>;
  /** The stored bytes as they are now (not checked against the hash), or null when absent. */
  read(sha256: string): Promise<Buffer | null>;
  /** Every stored file (for the sweep of unreferenced files). */
  list(): Promise<BlobInfo[]>;
  /** Removes a file (no error when it is absent). */
  remove(sha256: string): Promise<void>;
  close(): Promise<void>;
}
