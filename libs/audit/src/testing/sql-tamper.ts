import Database from 'better-sqlite3';
import type pg from 'pg';
import { canonicalJson, chainHash } from '@jejak/event-store';

/**
 * An attacker with database access, for the tamper tests: plain SQL on the event table, on
 * another connection than the store's. `rewriteTail` is the careful attacker: it changes the
 * data of one event and recomputes every later hash, so the chain alone still verifies.
 */
export type AuditTamper = {
  alterData(streamId: string, revision: number): Promise<void>;
  deleteEvent(streamId: string, revision: number): Promise<void>;
  swapEvents(streamId: string, a: number, b: number): Promise<void>;
  rewriteTail(streamId: string, fromRevision: number): Promise<void>;
};

type Row = { revision: number; canonical: string; prevHash: string; hash: string };

/** New bytes and hashes for the rows from `fromRevision` on, chained to the untouched prefix. */
function rehashed(rows: Row[], fromRevision: number): Row[] {
  let prevHash = rows.find((row) => row.revision === fromRevision)!.prevHash;
  return rows
    .filter((row) => row.revision >= fromRevision)
    .map((row) => {
      const envelope = JSON.parse(row.canonical) as { data: Record<string, unknown> };
      if (row.revision === fromRevision) envelope.data = { ...envelope.data, forged: true };
      const canonical = canonicalJson(envelope);
      const hash = chainHash(prevHash, canonical);
      const next = { revision: row.revision, canonical, prevHash, hash };
      prevHash = hash;
      return next;
    });
}

const FORGE_SQLITE = `UPDATE jejak_events SET canonical = json_set(canonical, '$.data.forged', 'yes')
  WHERE stream_id = ? AND revision = ?`;

export function sqliteTamper(path: string): AuditTamper {
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
      run((db) => db.prepare(FORGE_SQLITE).run(streamId, revision)),
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
    rewriteTail: (streamId, fromRevision) =>
      run((db) => {
        const rows = db
          .prepare(
            `SELECT revision, canonical, prev_hash AS prevHash, hash FROM jejak_events
             WHERE stream_id = ? ORDER BY revision`,
          )
          .all(streamId) as Row[];
        const update = db.prepare(
          'UPDATE jejak_events SET canonical = ?, prev_hash = ?, hash = ? WHERE stream_id = ? AND revision = ?',
        );
        for (const row of rehashed(rows, fromRevision)) {
          update.run(row.canonical, row.prevHash, row.hash, streamId, row.revision);
        }
      }),
  };
}

/** `client` is connected to the database; `schema` holds the store's tables. */
export function postgresTamper(client: pg.Client, schema: string): AuditTamper {
  const events = `${schema}.jejak_events`;
  const inTransaction = async (fn: () => Promise<void>) => {
    await client.query('BEGIN');
    try {
      await fn();
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };
  return {
    alterData: async (streamId, revision) => {
      await client.query(
        `UPDATE ${events} SET canonical = jsonb_set(canonical::jsonb, '{data,forged}', '"yes"')::text
         WHERE stream_id = $1 AND revision = $2`,
        [streamId, revision],
      );
    },
    deleteEvent: async (streamId, revision) => {
      await client.query(`DELETE FROM ${events} WHERE stream_id = $1 AND revision = $2`, [
        streamId,
        revision,
      ]);
    },
    swapEvents: (streamId, a, b) =>
      inTransaction(async () => {
        const move = `UPDATE ${events} SET revision = $3 WHERE stream_id = $1 AND revision = $2`;
        await client.query(move, [streamId, a, -1]);
        await client.query(move, [streamId, b, a]);
        await client.query(move, [streamId, -1, b]);
      }),
    rewriteTail: (streamId, fromRevision) =>
      inTransaction(async () => {
        const { rows } = await client.query<Row>(
          `SELECT revision, canonical, prev_hash AS "prevHash", hash FROM ${events}
           WHERE stream_id = $1 ORDER BY revision`,
          [streamId],
        );
        for (const row of rehashed(rows, fromRevision)) {
          await client.query(
            `UPDATE ${events} SET canonical = $1, prev_hash = $2, hash = $3 WHERE stream_id = $4 AND revision = $5`,
            [row.canonical, row.prevHash, row.hash, streamId, row.revision],
          );
        }
      }),
  };
}
