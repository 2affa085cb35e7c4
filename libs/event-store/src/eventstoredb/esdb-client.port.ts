/**
 * The little the EventStoreDB adapter needs from a client library, in our own types.
 * `DbClient` (db-client.ts) implements it over `@eventstore/db-client` 6.x or
 * `@kurrent/kurrentdb-client` 1.x (or the stand-in of their API, fake-esdb-client.ts).
 */
/** A log position: byte offsets of the record (commit = prepare for every non-transaction write). */
export type EsdbPosition = { commit: bigint; prepare: bigint };

/** Per call: when to give up, and a signal that cancels the call when we do. */
export type EsdbCallOptions = { deadlineMs?: number; signal?: AbortSignal };

export type EsdbNewEvent = {
  id: string;
  type: string;
  /** The exact bytes to store (the canonical envelope). */
  data: Uint8Array;
  metadata: Record<string, string>;
};

export type EsdbEvent = {
  streamId: string;
  id: string;
  revision: number;
  type: string;
  data: Uint8Array;
  metadata: Record<string, unknown>;
  created: Date;
  position: EsdbPosition | null;
};

export type EsdbExpectedRevision = 'no_stream' | 'any' | number;

export type EsdbReadStreamOptions = {
  fromRevision?: number;
  maxCount?: number;
  direction: 'forwards' | 'backwards';
};

export type EsdbSubscriptionStream = AsyncIterable<EsdbEvent> & {
  /** The client's caught-up / fell-behind signals, raised as the server's message passes its buffer. */
  onCaughtUp(listener: (caughtUp: boolean) => void): void;
  /** Events the client has received and buffered that the iterator has not yet handed out. */
  buffered(): number;
  unsubscribe(): Promise<void>;
};

/** One page of $all: every record read (system ones too) counts for paging. */
export type EsdbAllPage = {
  /** Events of non-system streams (`$`-prefixed streams skipped). */
  events: EsdbEvent[];
  /** How many records the server returned, system ones included. */
  read: number;
  /** Position of the last record returned, system or not (where the next page starts). */
  last: EsdbPosition | null;
};

/** The server refused a read position: not the start of a record in its log. */
export class EsdbInvalidPosition extends Error {}

/** The server refused an append as larger than its `MaxAppendSize`. */
export class EsdbAppendTooLarge extends Error {
  constructor(readonly maxAppendSize: number | null) {
    super(`the server refused the append as larger than ${maxAppendSize ?? 'its limit'}`);
  }
}

/** The server refused an append: the stream is not at the expected revision. */
export class EsdbWrongRevision extends Error {
  constructor(readonly actual: number | null) {
    super(`stream is at ${actual ?? 'no stream'}`);
  }
}

export interface EsdbClient {
  /**
   * Throws `EsdbWrongRevision` on a revision mismatch (also when the client is set to answer
   * `{ success: false }` instead of throwing), `EsdbAppendTooLarge` over the server's cap.
   */
  append(
    streamId: string,
    events: EsdbNewEvent[],
    expected: EsdbExpectedRevision,
    call?: EsdbCallOptions,
  ): Promise<{ nextExpectedRevision: number; position: EsdbPosition | null }>;
  /** Empty when the stream does not exist. */
  readStream(
    streamId: string,
    options: EsdbReadStreamOptions,
    call?: EsdbCallOptions,
  ): Promise<EsdbEvent[]>;
  /**
   * One page forwards through $all from `from` (inclusive). Throws `EsdbInvalidPosition` for a
   * position that is not the start of a record.
   */
  readAll(
    from: EsdbPosition | 'start',
    maxCount: number,
    call?: EsdbCallOptions,
  ): Promise<EsdbAllPage>;
  /** A catch-up subscription to $all, starting after `from`, limited to streams with the prefixes. */
  subscribeToAll(from: EsdbPosition | 'start', streamPrefixes: string[]): EsdbSubscriptionStream;
  setMaxCount(streamId: string, maxCount: number, call?: EsdbCallOptions): Promise<void>;
  dispose(): Promise<void>;
}
