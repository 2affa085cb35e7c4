import type { Pool, PoolClient } from 'pg';
import {
  EventStoreFailureError,
  StreamRevisionConflictError,
  type EventStoreError,
} from '../event-store.errors.js';
import type { ChainRow } from '../hash-chain.js';
import type {
  AppendPlanner,
  EventRow,
  SqlDriver,
  StreamHead,
  StreamRange,
} from '../sql/sql-driver.js';
import { storedRows } from '../sql/append-plan.js';
import { AppendBatcher, insertOne } from './append-batcher.js';
import { HeadLookups } from './head-lookups.js';
import { translatePgError } from './postgres-errors.js';
import * as sql from './postgres-statements.js';
import { StreamHeadCache } from './stream-head-cache.js';

type Queryable = Pick<Pool | PoolClient, 'query'>;
/** bigint arrives as text. */
type PgEventRow = Omit<EventRow, 'globalPosition'> & { globalPosition: string };

/** An append that kept losing to rivals this many times is a fault, not a race. */
const MAX_APPEND_ATTEMPTS = 100;

function toEventRow(row: PgEventRow): EventRow {
  return {
    globalPosition: Number(row.globalPosition),
    eventId: row.eventId,
    streamId: row.streamId,
    revision: row.revision,
    type: row.type,
    canonical: row.canonical,
    prevHash: row.prevHash,
    hash: row.hash,
    recordedAt: row.recordedAt,
  };
}

/** PostgreSQL statements for the shared core, over a `pg` pool. */
export class PostgresDriver implements SqlDriver {
  private readonly heads = new StreamHeadCache();
  private readonly batcher: AppendBatcher;
  /** Concurrent head lookups go to the database together (one query per batch). */
  private readonly headLookups: HeadLookups;

  /** `appendSlots`: appends in flight at once before the others are grouped (group commit). */
  constructor(
    private readonly pool: Pool,
    appendSlots = 4,
  ) {
    this.batcher = new AppendBatcher(pool, appendSlots);
    this.headLookups = new HeadLookups(pool);
  }

  append(streamId: string, plan: AppendPlanner): Promise<EventRow[]> {
    return this.appendOn(this.pool, streamId, plan);
  }

  /** Appends waiting for a slot (group commit), for tests that watch appends queue up. */
  queuedAppends(): number {
    return this.batcher.queued();
  }

  /**
   * Plans on the cached head when there is one (one round trip), else reads it first; when the
   * guard or the unique key says the head moved, reads it again and re-plans (which throws a
   * conflict unless the expected revision still holds).
   */
  async appendOn(db: Queryable, streamId: string, plan: AppendPlanner): Promise<EventRow[]> {
    const cached = this.heads.get(streamId);
    let head = cached ?? (await this.streamHead(streamId));
    let unconfirmed = cached !== undefined;
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt += 1) {
      let rows: ReturnType<AppendPlanner>;
      try {
        rows = plan(head);
      } catch (error) {
        // A cached head is a hint: before refusing on it, ask the database once.
        if (!(error instanceof StreamRevisionConflictError) || !unconfirmed) throw error;
        unconfirmed = false;
        head = await this.streamHead(streamId);
        if (!head) this.heads.forget(streamId);
        continue;
      }
      const attempt = { streamId, head, rows };
      const outcome = await (db === this.pool
        ? this.batcher.insert(attempt)
        : insertOne(db, attempt));
      if ('positions' in outcome) {
        const last = rows[rows.length - 1]!;
        this.heads.set(streamId, { revision: last.revision, hash: last.hash });
        return storedRows(rows, outcome.positions);
      }
      unconfirmed = false;
      head = outcome.head === undefined ? await this.streamHead(streamId) : outcome.head;
      if (head) this.heads.set(streamId, head);
      else this.heads.forget(streamId);
    }
    throw new EventStoreFailureError(
      `Append to ${streamId} lost ${MAX_APPEND_ATTEMPTS} races in a row`,
    );
  }

  async readStream(streamId: string, range: StreamRange): Promise<EventRow[]> {
    const backwards = range.direction === 'backwards';
    const from = range.fromRevision ?? (backwards ? 2_147_483_647 : 0);
    const { rows } = await this.pool.query<PgEventRow>(
      backwards ? sql.READ_BACKWARDS : sql.READ_FORWARDS,
      [streamId, from, range.maxCount],
    );
    const events = rows.map(toEventRow);
    this.rememberHead(streamId, range, events);
    return events;
  }

  async readChain(streamId: string): Promise<ChainRow[]> {
    const { rows } = await this.pool.query<ChainRow>(sql.READ_CHAIN, [streamId]);
    for (const row of rows) row.streamId = streamId;
    return rows;
  }

  /** A read that provably reached the stream's end tells us its head. */
  private rememberHead(streamId: string, range: StreamRange, events: EventRow[]): void {
    const forwardsToEnd =
      range.direction === 'forwards' && (range.maxCount === null || events.length < range.maxCount);
    const backwardsFromEnd = range.direction === 'backwards' && range.fromRevision === null;
    const head = forwardsToEnd
      ? events[events.length - 1]
      : backwardsFromEnd
        ? events[0]
        : undefined;
    if (head) this.heads.advance(streamId, { revision: head.revision, hash: head.hash });
  }

  async readAll(fromPosition: number, maxCount: number | null): Promise<EventRow[]> {
    const { rows } = await this.pool.query<PgEventRow>(sql.READ_ALL, [fromPosition, maxCount]);
    return rows.map(toEventRow);
  }

  async streamHead(streamId: string): Promise<StreamHead | null> {
    const head = await this.headLookups.head(streamId);
    if (head) this.heads.set(streamId, head);
    return head;
  }

  async findByIdempotencyKey(streamId: string, key: string): Promise<EventRow[]> {
    const { rows } = await this.pool.query<PgEventRow>(sql.BY_IDEMPOTENCY_KEY, [streamId, key]);
    return rows.map(toEventRow);
  }

  async listStreams(): Promise<string[]> {
    const { rows } = await this.pool.query<{ streamId: string }>(sql.LIST_STREAMS);
    return rows.map((row) => row.streamId);
  }

  async countAfter(position: number): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(sql.COUNT_AFTER, [position]);
    return rows[0]?.n ?? 0;
  }

  async loadCheckpoint(subscriber: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ position: string }>(sql.LOAD_CHECKPOINT, [subscriber]);
    return rows[0] ? Number(rows[0].position) : null;
  }

  async saveCheckpoint(subscriber: string, position: number): Promise<void> {
    await this.pool.query(sql.SAVE_CHECKPOINT, [subscriber, position]);
  }

  translateError(error: unknown): EventStoreError {
    return translatePgError(error);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
