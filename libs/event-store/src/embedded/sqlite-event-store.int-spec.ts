import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ContractSubject, TamperHooks } from '../testing/contract-subject.js';
import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { openSqliteStores } from './sqlite-event-store.js';

const directory = mkdtempSync(join(tmpdir(), 'jejak-sqlite-'));
let files = 0;
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** An attacker with the file: a second connection running plain SQL. */
function sqlTamper(path: string): TamperHooks {
  const run = (fn: (db: Database.Database) => void) => {
    const db = new Database(path);
    try {
      db.transaction(() => fn(db))();
    } finally {
      db.close();
    }
    return Promise.resolve();
  };
  return {
    alterData: (streamId, revision) =>
      run((db) =>
        db
          .prepare(
            `UPDATE jejak_events SET canonical = json_set(canonical, '$.data.text', 'forged')
             WHERE stream_id = ? AND revision = ?`,
          )
          .run(streamId, revision),
      ),
    deleteEvent: (streamId, revision) =>
      run((db) =>
        db
          .prepare('DELETE FROM jejak_events WHERE stream_id = ? AND revision = ?')
          .run(streamId, revision),
      ),
    swapEvents: (streamId, a, b) =>
      run((db) => {
        const move = db.prepare(
          'UPDATE jejak_events SET revision = ? WHERE stream_id = ? AND revision = ?',
        );
        move.run(-1, streamId, a);
        move.run(a, streamId, b);
        move.run(b, streamId, -1);
      }),
  };
}

function open(path: string): ContractSubject {
  const handle = openSqliteStores({
    path,
    subscriptions: { pollIntervalMs: 5, retryInitialMs: 5, retryMaxMs: 50 },
  });
  return {
    eventStore: handle.eventStore,
    readModels: handle.readModels,
    tamper: sqlTamper(path),
    reopen: async () => {
      await handle.close();
      return open(path);
    },
    close: () => handle.close(),
  };
}

// One synchronous writer connection: an append's transaction can never be in flight while a
// later position is visible, so the in-flight (sequence-gap) cases do not apply here; the
// racing-writers subscription case still runs.
describeEventStoreContract(
  'embedded (SQLite file)',
  () => Promise.resolve(open(join(directory, `store-${(files += 1)}.db`))),
  { tampering: true, durability: true, readModels: true },
);

describe('embedded store file', () => {
  it('runs in WAL mode with synchronous=FULL and creates its directory', async () => {
    const path = join(directory, 'nested', 'deeper', 'jejak.db');
    const handle = openSqliteStores({ path });
    await handle.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = openSqliteStores({ path });
    expect(await again.eventStore.listStreams()).toEqual([]);
    await again.close();
  });

  it('rejects calls after close with our own error', async () => {
    const handle = openSqliteStores({ path: join(directory, 'closed.db') });
    await handle.close();
    await expect(handle.eventStore.listStreams()).rejects.toMatchObject({
      code: 'EVENT_STORE_CLOSED',
    });
  });

  it('reports a file that cannot be opened as unavailable', () => {
    const notADirectory = join(directory, 'plain-file');
    writeFileSync(notADirectory, 'x');
    expect(() => openSqliteStores({ path: join(notADirectory, 'jejak.db') })).toThrow(
      expect.objectContaining({ code: 'EVENT_STORE_UNAVAILABLE' }),
    );
  });
});
