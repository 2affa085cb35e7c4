import type { EventStoreError } from '../event-store.errors.js';
import type { ChainRow } from '../hash-chain.js';

/**
 * What a SQL dialect must provide to the shared store core (`SqlEventStore`): statements and
 * transactions only. Validation, the hash chain, expected-revision checks, row mapping and
 * subscriptions are shared and live in the core.
 */

/** One stored event as every dialect returns it (numbers already numbers). */
export type EventRow = {
  globalPosition: number;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  /** The exact canonical bytes that were hashed; data and metadata are read back from them. */
  canonical: string;
  prevHash: string;
  hash: string;
  recordedAt: string;
};

/** A row ready to insert: everything but the global position, which the database assigns. */
export type NewRow = Omit<EventRow, 'globalPosition'> & { idempotencyKey: string | null };

export type StreamHead = { revision: number; hash: string };

/**
 * Builds the rows from the stream head it is given, or throws (a revision conflict). A dialect
 * may call it more than once when it learns the head was stale.
 */
export type AppendPlanner = (head: StreamHead | null) => NewRow[];

export type StreamRange = {
  fromRevision: number | null;
  maxCount: number | null;
  direction: 'forwards' | 'backwards';
};

export interface SqlDriver {
  /** Inserts the planned rows atomically; returns them as stored (with their positions). */
  append(streamId: string, plan: AppendPlanner): Promise<EventRow[]>;
  readStream(streamId: string, range: StreamRange): Promise<EventRow[]>;
  /** The whole stream in revision order, only the columns the hash chain needs. */
  readChain(streamId: string): Promise<ChainRow[]>;
  /** Events strictly after `fromPosition`, in global order; never skips a later-committing one. */
  readAll(fromPosition: number, maxCount: number | null): Promise<EventRow[]>;
  streamHead(streamId: string): Promise<StreamHead | null>;
  findByIdempotencyKey(streamId: string, key: string): Promise<EventRow[]>;
  listStreams(): Promise<string[]>;
  countAfter(position: number): Promise<number>;
  loadCheckpoint(subscriber: string): Promise<number | null>;
  saveCheckpoint(subscriber: string, position: number): Promise<void>;
  /** Turns a driver error into ours (connection faults -> unavailable, the rest -> failure). */
  translateError(error: unknown): EventStoreError;
  close(): Promise<void>;
}
