/** The evidence-file store of the app (BlobStore from @jejak/documents). */
export const BLOB_STORE = Symbol('BLOB_STORE');
