/** Errors of the evidence-file store (no HTTP codes here: the API maps them). */
export class DocumentsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The upload is larger than DOCUMENT_MAX_BYTES; nothing was stored. */
export class BlobTooLargeError extends DocumentsError {
  constructor(readonly maxBytes: number) {
    super('DOCUMENT_TOO_LARGE', `The file is larger than ${maxBytes} bytes`);
  }
}

/** The blob store's backing storage failed (disk, database). */
export class BlobStoreFailureError extends DocumentsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BLOB_STORE_FAILURE', message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
