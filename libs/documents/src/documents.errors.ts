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
  readonly details: { limit: number };

  constructor(readonly maxBytes: number) {
    super('DOCUMENT_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`);
    this.details = { limit: maxBytes };
  }
}

/** The blob store's backing storage failed (disk, database). */
export class BlobStoreFailureError extends DocumentsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('BLOB_STORE_FAILURE', message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The upload is not a PDF, PNG or JPEG by its content; nothing was stored. */
export class DocumentTypeNotAcceptedError extends DocumentsError {
  constructor() {
    super(
      'DOCUMENT_TYPE_NOT_ACCEPTED',
      'Only PDF, PNG and JPEG files are accepted (recognised by their content)',
    );
  }
}

/** No such file, or one the caller may not read (not told apart, to keep hashes private). */
export class DocumentNotFoundError extends DocumentsError {
  constructor(sha256: string) {
    super('DOCUMENT_NOT_FOUND', `No file ${sha256} that you may read`);
  }
}

/** The stored bytes no longer match their hash: evidence was altered outside jejak. */
export class DocumentAlteredError extends DocumentsError {
  constructor(sha256: string) {
    super('DOCUMENT_ALTERED', `The stored file ${sha256} no longer matches its SHA-256`);
  }
}

/** POST /documents takes multipart/form-data only. */
export class UploadNotMultipartError extends DocumentsError {
  constructor() {
    super(
      'DOCUMENT_UPLOAD_NOT_MULTIPART',
      'Send the file as multipart/form-data, in the field "file"',
    );
  }
}
