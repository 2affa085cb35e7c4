/**
 * The event store port: every adapter (embedded SQLite, PostgreSQL, EventStoreDB) implements it,
 * and no driver type or driver error crosses it.
 */

export const NO_STREAM = 'no_stream' as const;
export const ANY = 'any' as const;
/** A revision number (0-based, of the last event), `NO_STREAM`, or `ANY`. */
export type ExpectedRevision = number | typeof NO_STREAM | typeof ANY;

/** Flat strings only (nested values as JSON strings): keeps KurrentDB multi-stream appends open. */
export type EventMetadata = Record<string, string>;

export type NewEvent = {
  /** Defaults to a random UUID. */
  id?: string;
  type: string;
  data: unknown;
  metadata?: EventMetadata;
};

export type RecordedEvent = {
  id: string;
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: number;
  /** Position in the global commit order ($all), strictly increasing. */
  globalPosition: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  /** UTC instant the store committed the event (ISO 8601). */
  recordedAt: string;
  prevHash: string;
  hash: string;
};

export type AppendResult = {
  nextExpectedRevision: number;
  position: number;
  /**
   * The appended events exactly as a read returns them, so a caller need not read back what
   * it wrote. Set by every jejak adapter (the SQL ones from what they inserted; EventStoreDB,
   * whose server stamps the time and positions, reads them back itself); optional only for
   * stores outside this lib.
   */
  events?: RecordedEvent[];
};

export type ReadStreamOptions = {
  fromRevision?: number;
  maxCount?: number;
  direction?: 'forwards' | 'backwards';
};

export type ReadAllOptions = {
  /** Exclusive: events strictly after this global position. Default: from the start. */
  fromPosition?: number;
  maxCount?: number;
};

export type VerifyResult =
  | { ok: true; streamId: string; eventsChecked: number; headHash: string }
  | {
      ok: false;
      streamId: string;
      eventsChecked: number;
      brokenAt: number;
      reason: 'altered' | 'missing' | 'reordered';
      /** Added: a sentence saying what exactly broke (for audit reports). */
      detail?: string;
      /** Hash of the last intact event before the break (genesis when it is the first). */
      headHash: string;
    };

export type VerifiedStream = { verification: VerifyResult; events: RecordedEvent[] };

export type SubscriptionStatus = {
  subscriber: string;
  running: boolean;
  caughtUp: boolean;
  /**
   * Events committed after the checkpoint, as last measured (SQL adapters: exact up to 10,000,
   * then 10,000; EventStoreDB: a lower bound, 0 when caught up).
   */
  lag: number;
  checkpoint: number | null;
  lastError?: string;
};

export type Subscription = {
  status(): SubscriptionStatus;
  stop(): Promise<void>;
};

export type SubscribeOptions = {
  /** Durable checkpoint key: the subscription resumes after a restart from its checkpoint. */
  subscriber: string;
  from: 'checkpoint';
  /** Called in global order, at least once per event; the checkpoint moves after it resolves. */
  handler: (event: RecordedEvent) => Promise<void>;
  /**
   * Optional: called after the handler has taken a batch of events (a page of $all on the SQL
   * adapters, one event on EventStoreDB) and before the checkpoint moves past them, once per
   * batch. A handler that only collects events can write them all here, in one transaction.
   * When it throws, the batch is delivered again (from the stored checkpoint).
   */
  flush?: () => Promise<void>;
};

export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The revision of the stream's last event, or null when the stream does not exist. */
  streamRevision(streamId: string): Promise<number | null>;
  /** Events of a stream whose metadata `idempotencyKey` equals the key (durable retries). */
  findByIdempotencyKey(streamId: string, key: string): Promise<RecordedEvent[]>;
  /** Every stream id, in order of first appearance. */
  listStreams(): Promise<string[]>;
  verifyStream(streamId: string): Promise<VerifyResult>;
  /**
   * The whole stream read once, its hash chain checked on the rows it returns: a replay that must
   * trust what it folds, without reading the stream twice (verifyStream, then readStream).
   * `events` is empty unless `verification.ok`.
   */
  readVerifiedStream(streamId: string): Promise<VerifiedStream>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export type ReadModelDocument<T> = { id: string; document: T };

export type PutManyOptions = {
  /**
   * A top-level numeric field (e.g. `revision`): a stored document whose field is already at
   * or above the new one's is kept, so a projection's writes never go back in time.
   */
  newerBy?: string;
  /**
   * false: PostgreSQL may acknowledge the commit before it is on disk (`synchronous_commit =
   * off` for this transaction only). For rebuilds, which can be redone; never for a write a
   * checkpoint will follow. Default true.
   */
  durable?: boolean;
};

/**
 * Documents kept beside the events (same database) for read models: projections write them,
 * queries read them. Rebuildable from the events at any time.
 */
export interface ReadModelStore {
  get<T>(collection: string, id: string): Promise<T | null>;
  put<T>(collection: string, id: string, document: T): Promise<void>;
  /** Puts every document in one transaction (all or none); the last of a repeated id wins. */
  putMany<T>(
    collection: string,
    documents: readonly ReadModelDocument<T>[],
    options?: PutManyOptions,
  ): Promise<void>;
  /** Equality filters on top-level fields of the document; ordered by id. */
  list<T>(
    collection: string,
    query?: { where?: Record<string, string | number | boolean>; offset?: number; limit?: number },
  ): Promise<{ items: T[]; total: number }>;
  clear(collection: string): Promise<void>;
}
