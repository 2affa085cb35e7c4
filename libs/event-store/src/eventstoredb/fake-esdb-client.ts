import { Transform } from 'node:stream';
import { WrongExpectedVersionError as EsdbWrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedVersionError as KurrentWrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type {
  LibraryAppendOptions,
  LibraryAppendResult,
  LibraryClient,
  LibraryDialect,
  LibraryExpected,
  LibraryNewEvent,
  LibraryPosition,
  LibraryRead,
  LibraryReadOptions,
  LibraryRecordedEvent,
  LibraryResolvedEvent,
  LibrarySubscribeOptions,
  LibrarySubscription,
} from './esdb-library.js';

/**
 * A STAND-IN for an EventStoreDB / KurrentDB server and its Node client, in memory, at the level
 * of the client library's API (`EventStoreDBClient` / `KurrentDBClient`), so `DbClient` and the
 * adapter run unchanged over it. It copies the server's documented behaviour; each rule names the
 * source it copies (KurrentDB server: github.com/kurrent-io/KurrentDB; clients:
 * `@eventstore/db-client` 6.2.1 and `@kurrent/kurrentdb-client` 1.3.1 as installed). It is still
 * not a server: the int-spec against a real one (EVENTSTORE_CONNECTION_STRING) is the evidence.
 */

type StoredRecord = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: Uint8Array;
  metadata: Uint8Array;
  created: Date;
  /** Byte offset of the record in the transaction file. */
  logPosition: bigint;
};

/**
 * Default `MaxAppendSize`: 1 MiB in EventStoreDB up to 24.10 and KurrentDB 25.0
 * (src/KurrentDB.Core/Configuration/ClusterVNodeOptions.cs at v24.10.0 / v25.0.0:
 * `MaxAppendSize { get; init; } = 1_024 * 1_024`); 25.1 raised the default to the chunk size.
 */
export const SERVER_MAX_APPEND_SIZE = 1_024 * 1_024;

const encoder = new TextEncoder();

/** Live events a server holds per subscription (Enumerator.cs `DefaultLiveBufferSize`). */
const LIVE_BUFFER = 32;

/** A client error as the libraries build it (utils/CommandError.js): a `type` and a message. */
function commandError(type: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { type }, extra);
}

/**
 * Size of a prepare record on disk, roughly: a fixed header plus stream id, type, data and
 * metadata (src/KurrentDB.Core/TransactionLog/LogRecords/PrepareLogRecord.cs), framed by a 4-byte
 * length before and after (TFChunk). Only the shape matters: positions are byte offsets with gaps.
 */
function recordSize(streamId: string, type: string, data: Uint8Array, metadata: Uint8Array) {
  return BigInt(8 + 62 + streamId.length * 2 + type.length * 2 + data.length + metadata.length);
}

/** The server: one transaction log shared by every client connected to it. */
export class FakeEsdbServer {
  readonly records: StoredRecord[] = [];
  /** Where the next record goes (the writer checkpoint). */
  private end = 0n;
  private readonly maxCounts = new Map<string, number>();
  readonly appended = new Set<() => void>();

  constructor(
    readonly options: {
      /** `--max-append-size` (see SERVER_MAX_APPEND_SIZE). */
      maxAppendSize?: number;
      /** System projections on: `$by_category` writes a `$>` link per event into `$ce-<category>`. */
      systemProjections?: boolean;
    } = {},
  ) {
    // A new database starts with the epoch: a system record at 0 (not an event, readAll skips it:
    // AllReader.ReadAllEventsForwardInternal reads only prepares and commits) followed by the
    // `$epoch-information` event (EpochManager.WriteEpochInformationWithRetry).
    this.end = 128n;
    this.write('$epoch-information', '$epoch-information', encoder.encode('{"epochNumber":0}'));
  }

  private write(
    streamId: string,
    type: string,
    data: Uint8Array,
    id: string = crypto.randomUUID(),
    metadata: Uint8Array = new Uint8Array(),
  ) {
    const stream = this.stream(streamId);
    const record: StoredRecord = {
      streamId,
      id,
      revision: BigInt(stream.length),
      type,
      data,
      metadata,
      created: new Date(),
      logPosition: this.end,
    };
    this.records.push(record);
    this.end += recordSize(streamId, type, data, metadata);
    return record;
  }

  stream(streamId: string): StoredRecord[] {
    return this.records.filter((r) => r.streamId === streamId);
  }

  /** Every position a read may start at: record starts, 0 and the end of the log. */
  isValidPosition(position: LibraryPosition): boolean {
    if (position.commit !== position.prepare) return false;
    const at = position.commit;
    return at === 0n || at === this.end || this.records.some((r) => r.logPosition === at);
  }

  append(
    streamId: string,
    events: { id: string; type: string; data: Uint8Array; metadata: Uint8Array }[],
    expected: LibraryExpected,
  ): { ok: true; records: StoredRecord[] } | { ok: false; current: bigint | null } {
    // Streams.Append.cs / Streams.BatchAppend.cs: size += Event.SizeOnDisk(type, data, metadata)
    // (= data + metadata + type.Length * 2) over the whole append; above MaxAppendSize the append
    // is refused with MaximumAppendSizeExceeded and nothing is written.
    const maxAppendSize = this.options.maxAppendSize ?? SERVER_MAX_APPEND_SIZE;
    const size = events.reduce(
      (n, e) => n + e.data.length + e.metadata.length + e.type.length * 2,
      0,
    );
    if (size > maxAppendSize) {
      throw commandError(
        'maximum-append-size-exceeded',
        `3 INVALID_ARGUMENT: Maximum Append Size of ${maxAppendSize} Exceeded.`,
        { maxAppendSize },
      );
    }
    const stream = this.stream(streamId);
    const current = stream.length === 0 ? null : BigInt(stream.length - 1);
    // IndexWriter.CheckCommit: the same event ids already written where this append would put
    // them (or, for `any`, anywhere in a row) are an idempotent write: success, nothing written.
    const first =
      expected === 'any'
        ? stream.findIndex((r) => r.id === events[0]?.id)
        : Number(expected === 'no_stream' ? -1n : expected === 'stream_exists' ? -2n : expected) +
          1;
    if (first >= 0 && events.every((e, i) => stream[first + i]?.id === e.id)) {
      return { ok: true, records: stream.slice(first, first + events.length) };
    }
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === null) ||
      (expected === 'stream_exists' && current !== null) ||
      (typeof expected === 'bigint' && current === expected);
    if (!ok) return { ok: false, current };
    const records = events.map((e) => this.write(streamId, e.type, e.data, e.id, e.metadata));
    if (this.options.systemProjections !== false && !streamId.startsWith('$')) {
      // $by_category (standard projection): a link event `$>` "<revision>@<stream>" per event.
      const category = `$ce-${streamId.split('-')[0]}`;
      for (const r of records)
        this.write(category, '$>', encoder.encode(`${r.revision}@${streamId}`));
    }
    for (const wake of this.appended) wake();
    return { ok: true, records };
  }

  setMaxCount(streamId: string, maxCount: number) {
    // Stream metadata is an event `$metadata` in the metastream `$$<stream>` (SystemStreams.MetastreamOf).
    this.maxCounts.set(streamId, maxCount);
    const meta = `$$${streamId}`;
    this.write(meta, '$metadata', encoder.encode(JSON.stringify({ $maxCount: maxCount })));
    for (const wake of this.appended) wake();
  }

  /** A stream as readers see it: `$maxCount` hides all but the newest events. */
  visible(streamId: string): StoredRecord[] {
    const stream = this.stream(streamId);
    const maxCount = this.maxCounts.get(streamId);
    return maxCount === undefined ? stream : stream.slice(-maxCount);
  }

  /**
   * AllReader.ReadAllEventsForwardInternal: events whose position is >= the one asked for. It
   * never consults stream metadata: events hidden by `$maxCount` stay in $all until scavenged.
   */
  readAllFrom(position: LibraryPosition | 'start'): StoredRecord[] {
    const from = position === 'start' ? 0n : position.prepare;
    return this.records.filter((r) => r.logPosition >= from);
  }
}

function toRecorded(record: StoredRecord): LibraryRecordedEvent {
  // convertGrpcEvent / convertRustEvent: custom metadata that parses as JSON is returned parsed.
  let metadata: unknown = record.metadata;
  try {
    if (record.metadata.length > 0)
      metadata = JSON.parse(new TextDecoder().decode(record.metadata));
  } catch {
    metadata = record.metadata;
  }
  const position = { commit: record.logPosition, prepare: record.logPosition };
  return {
    streamId: record.streamId,
    id: record.id,
    revision: record.revision,
    type: record.type,
    data: record.data,
    metadata,
    created: record.created,
    position,
  };
}

/** A streaming read that fails when iterated, as the libraries' reads do. */
/**
 * A streaming read that fails when iterated, as the libraries' reads do, and stops on
 * `cancel()` (6.2.1's reads are Readables whose `cancel()` cancels the gRPC call). With
 * `stall`, it hangs before its first event until cancelled (a server that stopped answering).
 */
function streamingRead(
  produce: () => LibraryResolvedEvent[],
  faults: { stall: boolean; onCancel: () => void },
): LibraryRead {
  let cancelled = false;
  let release: () => void = () => undefined;
  return {
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      faults.onCancel();
      release();
    },
    async *[Symbol.asyncIterator]() {
      await Promise.resolve();
      if (faults.stall) await new Promise<void>((resolve) => (release = resolve));
      for (const event of produce()) {
        if (cancelled) return;
        yield event;
      }
    },
  };
}

/**
 * One client connection to a `FakeEsdbServer`, with the library API of the chosen dialect.
 * `throwOnAppendFailure: false` is the connection-string setting both clients accept
 * (Client/parseConnectionString.js): a revision conflict then resolves `{ success: false }`
 * instead of throwing (streams/appendToStream/append.js and batchAppend.js).
 */
export class FakeEsdbClient implements LibraryClient {
  private disposed = false;
  /** Fault injection: reads that hang until cancelled, append replies that come late. */
  readonly faults = { stallReads: false, cancelledReads: 0, lateReplies: 0, lateReplyMs: 0 };
  /** What the stand-in server sent (for tests to check a behaviour really happened). */
  readonly sent = { fellBehind: 0 };
  private readonly subscriptions = new Set<{ unsubscribe(): Promise<void> }>();
  readonly dialect: LibraryDialect;
  private readonly throwOnAppendFailure: boolean;

  constructor(
    readonly server: FakeEsdbServer = new FakeEsdbServer(),
    options: { dialect?: LibraryDialect; throwOnAppendFailure?: boolean } = {},
  ) {
    this.dialect = options.dialect ?? 'eventstore';
    this.throwOnAppendFailure = options.throwOnAppendFailure ?? true;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  private check() {
    if (this.disposed) throw commandError('unavailable', '14 UNAVAILABLE: the client was disposed');
  }

  async appendToStream(
    streamName: string,
    events: LibraryNewEvent[],
    options: LibraryAppendOptions,
  ): Promise<LibraryAppendResult> {
    this.check();
    await Promise.resolve();
    const expected =
      (this.dialect === 'kurrent' ? options.streamState : options.expectedRevision) ?? 'any';
    // append.js / batchAppend.js: Uint8Array data and metadata go as they are, anything else is
    // sent as its JSON text.
    const bytes = (value: unknown) =>
      value instanceof Uint8Array
        ? value
        : encoder.encode(value === undefined ? '' : JSON.stringify(value));
    const wire = events.map((e) => ({ ...e, data: bytes(e.data), metadata: bytes(e.metadata) }));
    const result = this.server.append(streamName, wire, expected);
    if (this.faults.lateReplies > 0) {
      // Written, but the answer is late: the caller may give up before it arrives.
      this.faults.lateReplies -= 1;
      await new Promise((resolve) => setTimeout(resolve, this.faults.lateReplyMs));
    }
    if (!result.ok) {
      if (this.throwOnAppendFailure) {
        // The libraries' own error class (append.js: `new WrongExpectedVersionError(null, {
        // streamName, current, expected })`), carrying `actualVersion` / `actualState`.
        const versions = { streamName, current: result.current ?? 'no_stream', expected };
        throw this.dialect === 'kurrent'
          ? new KurrentWrongExpectedVersionError(undefined, versions as never)
          : new EsdbWrongExpectedVersionError(undefined, versions as never);
      }
      // batchAppend.js: `BigInt(wrongExpectedVersion.hasCurrentStreamRevision())`, i.e. 1n
      // when the stream exists, -1n when not: the revision in a failed result means nothing.
      return { success: false, nextExpectedRevision: result.current === null ? -1n : 1n };
    }
    const last = result.records[result.records.length - 1]!;
    return {
      success: true,
      nextExpectedRevision: last.revision,
      position: { commit: last.logPosition, prepare: last.logPosition },
    };
  }

  readStream(streamName: string, options: LibraryReadOptions): LibraryRead {
    this.check();
    return streamingRead(() => {
      let records = this.server.visible(streamName);
      // 6.2.1 readStream: a missing stream fails the read with StreamNotFoundError.
      if (records.length === 0) throw commandError('stream-not-found', `${streamName} not found`);
      const from = options.fromRevision;
      if (options.direction === 'backwards') {
        records = records.filter((r) => typeof from !== 'bigint' || r.revision <= from).reverse();
      } else {
        records = records.filter((r) => typeof from !== 'bigint' || r.revision >= from);
      }
      return records
        .slice(0, options.maxCount ?? records.length)
        .map((r) => ({ event: toRecorded(r) }));
    }, this.readFaults());
  }

  private readFaults() {
    return {
      stall: this.faults.stallReads,
      onCancel: () => (this.faults.cancelledReads += 1),
    };
  }

  readAll(options: LibraryReadOptions): LibraryRead {
    this.check();
    return streamingRead(() => {
      const from = options.fromPosition ?? 'start';
      if (options.direction === 'backwards') throw new Error('stand-in: readAll backwards');
      if (from === 'end') return [];
      // StorageReaderWorker.All.cs: a position that is not the start of a record fails with
      // ReadAllResult.InvalidPosition, sent as StatusCode.InvalidArgument "Trying to read from an
      // invalid position." (RpcExceptions.InvalidPositionException), which the client turns into
      // an UnknownError (utils/CommandError.js: no exception metadata, code 3).
      if (from !== 'start' && !this.server.isValidPosition(from)) {
        throw commandError(
          'unknown',
          '3 INVALID_ARGUMENT: Trying to read from an invalid position.',
        );
      }
      return this.server
        .readAllFrom(from)
        .slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER)
        .map((r) => ({ event: toRecorded(r) }));
    }, this.readFaults());
  }

  /**
   * A catch-up subscription built like the clients' own `Subscription` (streams/utils/
   * Subscription.js): an object-mode Transform whose `_transform` emits `caughtUp` /
   * `fellBehind` when the server's message passes through it and pushes events into its
   * readable buffer (16 objects), so `caughtUp` fires while up to 16 events wait unread.
   * The server side (Enumerator.AllSubscriptionFiltered.cs) sends the events after the start
   * position that pass the filter, one CaughtUp when it reaches the end, then live events.
   */
  subscribeToAll(options: LibrarySubscribeOptions): LibrarySubscription {
    this.check();
    const server = this.server;
    const prefixes = options.filter?.prefixes ?? [''];
    const from = options.fromPosition ?? 'start';
    const transform = new Transform({
      objectMode: true,
      transform(
        message: { event?: StoredRecord; caughtUp?: true; fellBehind?: true },
        _encoding,
        next,
      ) {
        if (message.caughtUp) this.emit('caughtUp');
        if (message.fellBehind) this.emit('fellBehind');
        if (message.event) return next(null, { event: toRecorded(message.event) });
        next();
      },
    });
    let closed = false;
    let wake: () => void = () => undefined;
    const onAppend = () => wake();
    server.appended.add(onAppend);
    const write = async (message: object) => {
      if (!transform.write(message)) await new Promise((r) => transform.once('drain', r));
    };
    const pump = async () => {
      await Promise.resolve();
      if (from !== 'start' && from !== 'end' && !server.isValidPosition(from)) {
        throw commandError(
          'unknown',
          '3 INVALID_ARGUMENT: Trying to read from an invalid position.',
        );
      }
      // Subscribing from a position starts after it (the event at the position is not sent).
      let next = from === 'start' ? 0 : server.records.length;
      if (from !== 'start' && from !== 'end')
        next = server.records.findIndex((r) => r.logPosition > from.prepare);
      if (next < 0) next = server.records.length;
      let caughtUp = false;
      const matches = (r: StoredRecord) => prefixes.some((p) => r.streamId.startsWith(p));
      while (!closed) {
        // Live, the server holds events for a subscriber in a channel of 32 that drops the oldest
        // (Enumerator.cs DefaultLiveBufferSize, BoundedChannelFullMode.DropOldest); a gap sends
        // FellBehind and the subscription catches up from the log again, then CaughtUp again
        // (Enumerator.AllSubscriptionFiltered.cs GoLive).
        if (caughtUp && server.records.slice(next).filter(matches).length > LIVE_BUFFER) {
          caughtUp = false;
          this.sent.fellBehind += 1;
          await write({ fellBehind: true });
        }
        const record = server.records[next];
        if (!record) {
          if (!caughtUp) await write({ caughtUp: true });
          caughtUp = true;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        next += 1;
        if (matches(record)) await write({ event: record });
      }
    };
    pump().catch((error: unknown) => transform.destroy(error as Error));
    const subscription = Object.assign(transform, {
      unsubscribe: async () => {
        closed = true;
        server.appended.delete(onAppend);
        wake();
        this.subscriptions.delete(subscription);
        transform.end();
        transform.resume();
        await Promise.resolve();
      },
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async setStreamMetadata(streamName: string, metadata: { maxCount?: number }) {
    this.check();
    await Promise.resolve();
    if (metadata.maxCount !== undefined) this.server.setMaxCount(streamName, metadata.maxCount);
    return { success: true };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
  }
}
