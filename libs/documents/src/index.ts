/**
 * @jejak/documents: evidence files (signed decrees, scanned letters) kept by their SHA-256,
 * beside the events that refer to them.
 */
export * from './blob-store.port.js';
export {
  BlobStoreFailureError,
  BlobTooLargeError,
  DocumentAlteredError,
  DocumentNotFoundError,
  DocumentsError,
  DocumentTypeNotAcceptedError,
  UploadNotMultipartError,
} from './documents.errors.js';
export {
  blobStoreOptionsFor,
  createBlobStore,
  type BlobStoreOptions,
} from './create-blob-store.js';
export { checkBlob, type BlobCheck } from './check-blob.js';
export { ACCEPTED_MEDIA_TYPES, recogniseMediaType, type AcceptedMediaType } from './media-type.js';
export { HEAD_BYTES, isSha256, sha256Of } from './sha256.js';
export { referencedFiles, type DocumentFile, type FileReference } from './referenced-files.js';
export { DocumentReferences, type EventFileReference } from './document-references.js';
export { sweepUnreferenced, UNREFERENCED_TTL_MS } from './sweep-unreferenced.js';
export {
  verifyReferencedFiles,
  withFileChecks,
  type FileFailure,
  type FilesVerification,
} from './verify-files.js';
export { collectReferencedFiles, type CollectedFile } from './collect-files.js';
