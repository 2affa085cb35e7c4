import { join } from 'node:path';
import { blobStoreOptionsFor } from './create-blob-store.js';

describe('blobStoreOptionsFor: files live beside the events', () => {
  const dataDir = '/srv/jejak';
  const files = { kind: 'embedded', directory: join(dataDir, 'blobs') };

  it('embedded store: files under DATA_DIR/blobs', () => {
    expect(blobStoreOptionsFor({ kind: 'embedded' }, dataDir)).toEqual(files);
    expect(blobStoreOptionsFor({}, dataDir)).toEqual(files);
  });

  it('PostgreSQL store: rows in the same database and schema', () => {
    expect(
      blobStoreOptionsFor(
        { kind: 'postgres', databaseUrl: 'postgres://db/j', schema: 's' },
        dataDir,
      ),
    ).toEqual({ kind: 'postgres', databaseUrl: 'postgres://db/j', schema: 's' });
  });

  it('KurrentDB: PostgreSQL when configured for the read models, else files', () => {
    expect(
      blobStoreOptionsFor(
        { kind: 'eventstoredb', readModels: { kind: 'postgres', databaseUrl: 'postgres://db/j' } },
        dataDir,
      ),
    ).toEqual({ kind: 'postgres', databaseUrl: 'postgres://db/j' });
    expect(
      blobStoreOptionsFor({ kind: 'eventstoredb', readModels: { kind: 'embedded' } }, dataDir),
    ).toEqual(files);
  });
});
