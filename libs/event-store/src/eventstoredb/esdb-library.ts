/**
 * The part of the client libraries' own API that `DbClient` uses, as a structural type both
 * `@eventstore/db-client` 6.x (`EventStoreDBClient`) and `@kurrent/kurrentdb-client` 1.x
 * (`KurrentDBClient`) satisfy, and that the stand-in (`fake-esdb-client.ts`) implements. Keeping
 * the stand-in at this level (not at our port) means the code that talks to the library, and its
 * mistakes, run in every test.
 */
export type LibraryPosition = { commit: bigint; prepare: bigint };

/** `@eventstore/db-client` says `expectedRevision`/`actualVersion`; KurrentDB says `streamState`/`actualState`. */
export type LibraryDialect = 'eventstore' | 'kurrent';

export type LibraryExpected = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type LibraryNewEvent = {
  id: string;
  contentType: 'application/octet-stream';
  type: string;
  data: Uint8Array;
  /** Bytes as they are; the libraries send anything else as its JSON text. */
  metadata: Uint8Array | Record<string, unknown>;
};

export type LibraryRecordedEvent = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata?: unknown;
  created: Date | number;
  position?: LibraryPosition;
};

export type LibraryResolvedEvent = { event?: LibraryRecordedEvent; link?: LibraryRecordedEvent };

export type LibraryAppendResult = {
  success: boolean;
  nextExpectedRevision: bigint;
  position?: LibraryPosition;
};

export type LibraryAppendOptions = {
  expectedRevision?: LibraryExpected;
  streamState?: LibraryExpected;
  deadline?: number;
};

export type LibraryReadOptions = {
  direction?: 'forwards' | 'backwards';
  fromRevision?: bigint | 'start' | 'end';
  fromPosition?: LibraryPosition | 'start' | 'end';
  maxCount?: number;
  deadline?: number;
};

/** A streaming read: `@eventstore/db-client` returns a Readable, KurrentDB an async generator. */
export type LibraryRead = AsyncIterable<LibraryResolvedEvent> & {
  cancel?: () => void;
  destroy?: (error?: Error) => void;
  return?: () => Promise<unknown>;
};

/** Both libraries' catch-up subscription: an object-mode `stream.Transform`. */
export type LibrarySubscription = AsyncIterable<LibraryResolvedEvent> & {
  on(event: 'caughtUp' | 'fellBehind' | 'confirmation', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  readonly readableLength: number;
  unsubscribe(): Promise<void>;
};

export type LibrarySubscribeOptions = {
  fromPosition?: LibraryPosition | 'start' | 'end';
  filter?: {
    filterOn: 'streamName';
    prefixes: string[];
    checkpointInterval: number;
    checkpointReached?: (subscription: unknown, position: LibraryPosition) => Promise<void> | void;
  };
};

export interface LibraryClient {
  appendToStream(
    streamName: string,
    events: LibraryNewEvent[],
    options: LibraryAppendOptions,
  ): Promise<LibraryAppendResult>;
  readStream(streamName: string, options: LibraryReadOptions): LibraryRead;
  readAll(options: LibraryReadOptions): LibraryRead;
  subscribeToAll(options: LibrarySubscribeOptions): LibrarySubscription;
  setStreamMetadata(
    streamName: string,
    metadata: { maxCount?: number },
    options?: { deadline?: number },
  ): Promise<unknown>;
  dispose(): Promise<void>;
}
