/**
 * The little the EventStoreDB adapter needs from a client library, in our own types. The
 * `@eventstore/db-client` implementation lives in `db-client.ts`; `@kurrent/kurrentdb-client`
 * has the same API shape, so swapping is one more implementation of this interface.
 */
export type EsdbPosition = { commit: bigint; prepare: bigint };

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
  onCaughtUp(listener: (caughtUp: boolean) => void): void;
  unsubscribe(): Promise<void>;
};

/** The server refused an append: the stream is not at the expected revision. */
export class EsdbWrongRevision extends Error {
  constructor(readonly actual: number | null) {
    super(`stream is at ${actual ?? 'no stream'}`);
  }
}

export interface EsdbClient {
  /** Throws `EsdbWrongRevision` on a revision mismatch. */
  append(
    streamId: string,
    events: EsdbNewEvent[],
    expected: EsdbExpectedRevision,
  ): Promise<{ nextExpectedRevision: number; position: EsdbPosition | null }>;
  /** Empty when the stream does not exist. */
  readStream(streamId: string, options: EsdbReadStreamOptions): Promise<EsdbEvent[]>;
  /** Forwards through $all, user events only (system `$` streams skipped). */
  readAll(from: EsdbPosition | 'start', maxCount: number): Promise<EsdbEvent[]>;
  /** A catch-up subscription to $all, starting after `from`, limited to streams with the prefixes. */
  subscribeToAll(from: EsdbPosition | 'start', streamPrefixes: string[]): EsdbSubscriptionStream;
  setMaxCount(streamId: string, maxCount: number): Promise<void>;
  dispose(): Promise<void>;
}
