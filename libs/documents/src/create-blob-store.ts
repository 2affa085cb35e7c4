import { join } from 'node:path';
import type { BlobStore } from './blob-store.port.js';
import { FileBlobStore } from './embedded/file-blob-store.js';

export type BlobStoreOptions =
  | { kind: 'embedded'; directory: string }
  | { kind: 'postgres'; databaseUrl: string; schema?: string; poolSize?: number };

/** The event-store options the blob store follows (the shape of @jejak/event-store's). */
type EventStoreChoice = {
  kind?: 'embedded' | 'postgres' | 'eventstoredb';
  databaseUrl?: string;
  schema?: string;
  readModels?: { kind: 'embedded' } | { kind: 'postgres'; databaseUrl: string; schema?: string };
};

/**
 * Files live beside the events: the embedded store keeps them under DATA_DIR/blobs, the
 * PostgreSQL store in its database; with KurrentDB (which keeps no documents) they go where the
 * read models go: PostgreSQL when DATABASE_URL is set, else DATA_DIR/blobs.
 */
export function blobStoreOptionsFor(
  eventStore: EventStoreChoice,
  dataDir: string,
): BlobStoreOptions {
  const embedded = { kind: 'embedded' as const, directory: join(dataDir, 'blobs') };
  switch (eventStore.kind ?? 'embedded') {
    case 'postgres':
      return eventStore.databaseUrl
        ? {
            kind: 'postgres',
            databaseUrl: eventStore.databaseUrl,
            ...(eventStore.schema === undefined ? {} : { schema: eventStore.schema }),
          }
        : embedded;
    case 'eventstoredb': {
      const readModels = eventStore.readModels;
      if (readModels?.kind !== 'postgres') return embedded;
      return {
        kind: 'postgres',
        databaseUrl: readModels.databaseUrl,
        ...(readModels.schema === undefined ? {} : { schema: readModels.schema }),
      };
    }
    default:
      return embedded;
  }
}

/** Opens the blob store; the PostgreSQL adapter (and `pg`) is loaded only when chosen. */
export async function createBlobStore(options: BlobStoreOptions): Promise<BlobStore> {
  if (options.kind === 'postgres') {
    const { PostgresBlobStore } = await import('./postgres/postgres-blob-store.js');
    return PostgresBlobStore.open(options);
  }
  return FileBlobStore.open(options.directory);
}
