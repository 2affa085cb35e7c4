import type { Pool } from 'pg';
import { EventStoreFailureError } from '../event-store.errors.js';
import type { NewRow, StreamHead } from '../sql/sql-driver.js';
import { UNIQUE_VIOLATION, sqlState } from './postgres-errors.js';
import { appendStatement } from './postgres-statements.js';

/** What one insert attempt came to: the positions of its rows, or the head it lost to. */
export type InsertOutcome =
  | { positions: number[] }
  /** undefined: a rival slipped in (unique key): read the head afresh. */
  | { head: StreamHead | null | undefined };

export type AppendOutcomeRow = {
  append: number;
  globalPosition: string | null;
  headRevision: number | null;
  headHash: string | null;
};

type Attempt = { streamId: string; head: StreamHead | null; rows: NewRow[] };
type Waiting = Attempt & {
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
};

/** At most this many appends in one statement (11 parameters each)... */
const MAX_BATCH = 100;
/** ...and about this many bytes of canonical events (events may be up to 1 MiB each). */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

function bytesOf(attempt: Attempt): number {
  return attempt.rows.reduce((sum, row) => sum + row.canonical.length, 0);
}

function parameters({ streamId, head, rows }: Attempt): unknown[] {
  const column = <K extends keyof NewRow>(key: K) => rows.map((row) => row[key]);
  return [
    streamId,
    head?.revision ?? null,
    head?.hash ?? null,
    rows[0]!.recordedAt,
    column('eventId'),
    column('revision'),
    column('type'),
    column('canonical'),
    column('prevHash'),
    column('hash'),
    column('idempotencyKey'),
  ];
}

/** The outcome of one `jejak_append` call from the rows it returned. */
export function outcomeOf(attempt: Attempt, returned: readonly AppendOutcomeRow[]): InsertOutcome {
  const positions = returned
    .filter((row) => row.globalPosition !== null)
    .map((row) => Number(row.globalPosition))
    .sort((a, b) => a - b);
  if (positions.length === attempt.rows.length) return { positions };
  if (positions.length > 0) {
    throw new EventStoreFailureError(
      `Append to ${attempt.streamId} stored ${positions.length} of ${attempt.rows.length} events`,
    );
  }
  const row = returned[0];
  return { head: row ? { revision: row.headRevision!, hash: row.headHash! } : null };
}

/** One append attempt as its own statement (and, on a pool, its own transaction). */
export async function insertOne(db: Pick<Pool, 'query'>, attempt: Attempt): Promise<InsertOutcome> {
  try {
    const result = await db.query<AppendOutcomeRow>(appendStatement(1), parameters(attempt));
    return outcomeOf(attempt, result.rows);
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) return { head: undefined };
    throw error;
  }
}

/**
 * Group commit. `jejak_append` takes one lock per schema until commit, so appends commit one
 * at a time, each with its own WAL flush. Up to `maxInFlight` appends go to the database as
 * they come; the ones arriving while that many are in flight wait here, and the next free slot
 * sends all of them as ONE statement (one transaction, one flush): each `jejak_append` in it
 * checks its own head under the lock (seeing the ones before it), so one that lost a race
 * inserts nothing and reports the head, while the others commit. Positions stay gap-free and
 * visible in commit order (the lock is held until the commit, as for a single append). If the
 * statement fails on a unique-key race, each append is tried again on its own; any other
 * failure fails them all, as it would a single append.
 */
export class AppendBatcher {
  private inFlight = 0;
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly maxInFlight: number,
  ) {}

  queued(): number {
    return this.waiting.length;
  }

  insert(attempt: Attempt): Promise<InsertOutcome> {
    if (this.inFlight < this.maxInFlight && this.waiting.length === 0) {
      return this.occupy(() => insertOne(this.pool, attempt));
    }
    return new Promise<InsertOutcome>((resolve, reject) => {
      this.waiting.push({ ...attempt, resolve, reject });
    });
  }

  private async occupy<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      this.drain();
    }
  }

  private drain(): void {
    while (this.waiting.length > 0 && this.inFlight < this.maxInFlight) {
      let count = 0;
      let bytes = 0;
      while (count < Math.min(MAX_BATCH, this.waiting.length)) {
        bytes += bytesOf(this.waiting[count]!);
        if (count > 0 && bytes > MAX_BATCH_BYTES) break;
        count += 1;
      }
      const batch = this.waiting.splice(0, count);
      void this.occupy(() => this.insertBatch(batch));
    }
  }

  /**
   * The rows of one statement for the whole batch; null when a unique-key race rolled it back
   * as a whole (each is then tried on its own). Any other error fails every append of the
   * batch, as it would fail a single append: after a lost connection the commit may or may not
   * have happened, and retrying could write the events twice.
   */
  private async queryBatch(batch: Waiting[]): Promise<AppendOutcomeRow[] | null> {
    try {
      const result = await this.pool.query<AppendOutcomeRow>(
        appendStatement(batch.length),
        batch.flatMap(parameters),
      );
      return result.rows;
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) return null;
      throw error;
    }
  }

  private async insertBatch(batch: Waiting[]): Promise<void> {
    let returned: AppendOutcomeRow[] | null = null;
    try {
      returned = batch.length > 1 ? await this.queryBatch(batch) : null;
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    if (returned !== null) {
      batch.forEach((waiting, index) => {
        try {
          waiting.resolve(
            outcomeOf(
              waiting,
              returned.filter((row) => row.append === index),
            ),
          );
        } catch (error) {
          waiting.reject(error);
        }
      });
      return;
    }
    await Promise.all(
      batch.map((waiting) =>
        insertOne(this.pool, waiting).then(
          (outcome) => waiting.resolve(outcome),
          (error: unknown) => waiting.reject(error),
        ),
      ),
    );
  }
}
