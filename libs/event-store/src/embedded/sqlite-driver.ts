import type Database from 'better-sqlite3';
import {
  EventStoreFailureError,
  EventStoreUnavailableError,
  type EventStoreError,
} from '../event-store.errors.js';
import type { ChainRow } from '../hash-chain.js';
import { storedRows } from '../sql/append-plan.js';
import type {
  AppendPlanner,
  EventRow,
  SqlDriver,
  StreamHead,
  StreamRange,
} from '../sql/sql-driver.js';

const COLUMNS = `global_position AS globalPosition, event_id AS eventId, stream_id AS streamId,
  revision, type, canonical, prev_hash AS prevHash, hash, recorded_at AS recordedAt`;

/** Codes that mean the file cannot be used right now (not a bug in the statement). */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|NOTADB|CORRUPT)/;

/**
 * SQLite statements for the shared core. better-sqlite3 is synchronous and this connection is
 * the process's only writer: an append runs as one IMMEDIATE transaction (head read, plan,
 * inserts), so positions are assigned and committed in the same order and the sequence-gap
 * problem cannot arise. IMMEDIATE also serialises writers in other processes on the same file.
 */
export class SqliteDriver implements SqlDriver {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      head: db.prepare<[string], StreamHead>(
        `SELECT revision, hash FROM jejak_events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`,
      ),
      insert: db.prepare(
        `INSERT INTO jejak_events (event_id, stream_id, revision, type, canonical, prev_hash, hash,
           idempotency_key, recorded_at)
         VALUES (@eventId, @streamId, @revision, @type, @canonical, @prevHash, @hash,
           @idempotencyKey, @recordedAt)`,
      ),
      forwards: db.prepare<[string, number, number], EventRow>(
        `SELECT ${COLUMNS} FROM jejak_events WHERE stream_id = ? AND revision >= ?
         ORDER BY revision ASC LIMIT ?`,
      ),
      chain: db.prepare<[string], ChainRow>(
        `SELECT revision, type, canonical, prev_hash AS prevHash, hash FROM jejak_events
         WHERE stream_id = ? ORDER BY revision ASC`,
      ),
      backwards: db.prepare<[string, number, number], EventRow>(
        `SELECT ${COLUMNS} FROM jejak_events WHERE stream_id = ? AND revision <= ?
         ORDER BY revision DESC LIMIT ?`,
      ),
      readAll: db.prepare<[number, number], EventRow>(
        `SELECT ${COLUMNS} FROM jejak_events WHERE global_position > ?
         ORDER BY global_position LIMIT ?`,
      ),
      byKey: db.prepare<[string, string], EventRow>(
        `SELECT ${COLUMNS} FROM jejak_events WHERE stream_id = ? AND idempotency_key = ?
         ORDER BY revision`,
      ),
      streams: db.prepare<[], { streamId: string }>(
        `SELECT stream_id AS streamId FROM jejak_events GROUP BY stream_id
         ORDER BY min(global_position)`,
      ),
      countAfter: db.prepare<[number], { n: number }>(
        // Capped like PostgreSQL's: lag is exact up to 10,000 events.
        `SELECT count(*) AS n FROM (SELECT 1 FROM jejak_events WHERE global_position > ? LIMIT 10000)`,
      ),
      loadCheckpoint: db.prepare<[string], { position: number }>(
        `SELECT position FROM jejak_checkpoints WHERE subscriber = ?`,
      ),
      saveCheckpoint: db.prepare(
        `INSERT INTO jejak_checkpoints (subscriber, position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (subscriber) DO UPDATE SET position = excluded.position,
           updated_at = excluded.updated_at`,
      ),
    };
  }

  async append(streamId: string, plan: AppendPlanner): Promise<EventRow[]> {
    const transaction = this.db.transaction(() => {
      const rows = plan(this.statements.head.get(streamId) ?? null);
      const positions = rows.map((row) => Number(this.statements.insert.run(row).lastInsertRowid));
      return storedRows(rows, positions);
    });
    return Promise.resolve(transaction.immediate());
  }

  async readStream(streamId: string, range: StreamRange): Promise<EventRow[]> {
    const backwards = range.direction === 'backwards';
    const from = range.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const statement = backwards ? this.statements.backwards : this.statements.forwards;
    return Promise.resolve(statement.all(streamId, from, range.maxCount ?? -1));
  }

  async readChain(streamId: string): Promise<ChainRow[]> {
    const rows = this.statements.chain.all(streamId);
    for (const row of rows) row.streamId = streamId;
    return Promise.resolve(rows);
  }

  async readAll(fromPosition: number, maxCount: number | null): Promise<EventRow[]> {
    return Promise.resolve(this.statements.readAll.all(fromPosition, maxCount ?? -1));
  }

  async streamHead(streamId: string): Promise<StreamHead | null> {
    return Promise.resolve(this.statements.head.get(streamId) ?? null);
  }

  async findByIdempotencyKey(streamId: string, key: string): Promise<EventRow[]> {
    return Promise.resolve(this.statements.byKey.all(streamId, key));
  }

  async listStreams(): Promise<string[]> {
    return Promise.resolve(this.statements.streams.all().map((row) => row.streamId));
  }

  async countAfter(position: number): Promise<number> {
    return Promise.resolve(this.statements.countAfter.get(position)?.n ?? 0);
  }

  async loadCheckpoint(subscriber: string): Promise<number | null> {
    return Promise.resolve(this.statements.loadCheckpoint.get(subscriber)?.position ?? null);
  }

  async saveCheckpoint(subscriber: string, position: number): Promise<void> {
    this.statements.saveCheckpoint.run(subscriber, position, new Date().toISOString());
    return Promise.resolve();
  }

  translateError(error: unknown): EventStoreError {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if ((typeof code === 'string' && UNAVAILABLE.test(code)) || !this.db.open) {
      return new EventStoreUnavailableError(`SQLite store unavailable: ${message}`);
    }
    return new EventStoreFailureError(`SQLite store failed: ${message}`);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}
