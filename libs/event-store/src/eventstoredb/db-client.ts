import { EventStoreDBClient } from '@eventstore/db-client';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type {
  EsdbAllPage,
  EsdbCallOptions,
  EsdbClient,
  EsdbEvent,
  EsdbExpectedRevision,
  EsdbNewEvent,
  EsdbPosition,
  EsdbReadStreamOptions,
  EsdbSubscriptionStream,
} from './esdb-client.port.js';
import { EsdbAppendTooLarge, EsdbInvalidPosition, EsdbWrongRevision } from './esdb-client.port.js';
import type {
  LibraryClient,
  LibraryDialect,
  LibraryExpected,
  LibraryRead,
  LibraryRecordedEvent,
} from './esdb-library.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `kurrentdb://`, `kurrent://`, `kdb://` (and `+discover`) pick `@kurrent/kurrentdb-client`. */
const KURRENT_SCHEMES = /^(kurrentdb|kurrent|kdb)(\+discover)?:\/\//i;

export function dialectOf(connectionString: string): LibraryDialect {
  return KURRENT_SCHEMES.test(connectionString) ? 'kurrent' : 'eventstore';
}

function bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return encoder.encode(typeof value === 'string' ? value : JSON.stringify(value ?? null));
}

function metadataOf(value: unknown): Record<string, unknown> {
  if (value instanceof Uint8Array) {
    if (value.length === 0) return {};
    try {
      return JSON.parse(decoder.decode(value)) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function toEvent(recorded: LibraryRecordedEvent): EsdbEvent {
  return {
    streamId: recorded.streamId,
    id: recorded.id,
    revision: Number(recorded.revision),
    type: recorded.type,
    data: bytes(recorded.data),
    metadata: metadataOf(recorded.metadata),
    created: recorded.created instanceof Date ? recorded.created : new Date(recorded.created),
    position: recorded.position ?? null,
  };
}

function errorType(error: unknown): unknown {
  return (error as { type?: unknown } | null)?.type;
}

function isNotFound(error: unknown): boolean {
  return errorType(error) === 'stream-not-found';
}

/** The server's InvalidPosition reaches the client as InvalidArgument with no exception type. */
function isInvalidPosition(error: unknown): boolean {
  return error instanceof Error && /invalid position/i.test(error.message);
}

function toExpected(expected: EsdbExpectedRevision): LibraryExpected {
  return expected === 'no_stream' || expected === 'any' ? expected : BigInt(expected);
}

/** Stops a streaming read: a Readable (6.x) is cancelled/destroyed, a generator (KurrentDB) returned. */
function cancel(read: LibraryRead): void {
  try {
    if (read.cancel) read.cancel();
    else if (read.destroy) read.destroy();
    else void read.return?.().catch(() => undefined);
  } catch {
    // already finished
  }
}

async function collect(
  read: LibraryRead,
  call: EsdbCallOptions | undefined,
  keep: (event: LibraryRecordedEvent) => void,
): Promise<void> {
  const onAbort = () => cancel(read);
  call?.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const resolved of read) {
      if (call?.signal?.aborted) break;
      if (resolved.event) keep(resolved.event);
    }
  } finally {
    call?.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * `EsdbClient` over either client library: `@eventstore/db-client` 6.x (the default, for `esdb://`
 * connection strings) or its successor `@kurrent/kurrentdb-client` 1.x (`kurrentdb://`). The two
 * differ in names only where this class touches them: `expectedRevision` / `streamState` and the
 * conflict's `actualVersion` / `actualState`.
 */
export class DbClient implements EsdbClient {
  private readonly client: LibraryClient;
  private readonly dialect: LibraryDialect;
  private used = false;

  constructor(connection: string | LibraryClient, dialect?: LibraryDialect) {
    if (typeof connection === 'string') {
      this.dialect = dialect ?? dialectOf(connection);
      this.client =
        this.dialect === 'kurrent'
          ? KurrentDBClient.connectionString(connection)
          : EventStoreDBClient.connectionString(connection);
    } else {
      this.client = connection;
      this.dialect = dialect ?? 'eventstore';
    }
  }

  async append(
    streamId: string,
    events: EsdbNewEvent[],
    expected: EsdbExpectedRevision,
    call: EsdbCallOptions = {},
  ) {
    this.used = true;
    const state = toExpected(expected);
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => ({
          id: e.id,
          contentType: 'application/octet-stream' as const,
          type: e.type,
          data: e.data,
          // Sent as bytes so what we measured against the size cap is what goes on the wire.
          metadata: encoder.encode(JSON.stringify(e.metadata)),
        })),
        {
          ...(this.dialect === 'kurrent' ? { streamState: state } : { expectedRevision: state }),
          ...(call.deadlineMs === undefined ? {} : { deadline: call.deadlineMs }),
        },
      );
      // `throwOnAppendFailure=false` (a connection-string setting both clients accept) turns a
      // conflict into `{ success: false }`, whose revision is not reliable (6.2.1 batchAppend.js
      // returns BigInt(hasCurrentStreamRevision())): a conflict all the same.
      if (!result.success) throw new EsdbWrongRevision(null);
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        position: result.position ?? null,
      };
    } catch (error) {
      if (error instanceof EsdbWrongRevision) throw error;
      if (errorType(error) === 'wrong-expected-version') {
        const { actualVersion, actualState } = error as {
          actualVersion?: unknown;
          actualState?: unknown;
        };
        const actual = this.dialect === 'kurrent' ? actualState : actualVersion;
        throw new EsdbWrongRevision(typeof actual === 'bigint' ? Number(actual) : null);
      }
      if (errorType(error) === 'maximum-append-size-exceeded') {
        const max = (error as { maxAppendSize?: unknown }).maxAppendSize;
        throw new EsdbAppendTooLarge(typeof max === 'number' ? max : null);
      }
      throw error;
    }
  }

  async readStream(
    streamId: string,
    options: EsdbReadStreamOptions,
    call?: EsdbCallOptions,
  ): Promise<EsdbEvent[]> {
    this.used = true;
    const backwards = options.direction === 'backwards';
    const events: EsdbEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? 'backwards' : 'forwards',
        fromRevision:
          options.fromRevision === undefined
            ? backwards
              ? 'end'
              : 'start'
            : BigInt(options.fromRevision),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      await collect(read, call, (event) => events.push(toEvent(event)));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  /**
   * One page of $all. Every record counts for paging: a real $all always holds system events
   * (`$epoch-information`, `$$` stream metadata, `$>` links from projections), so a page with
   * few user events is not the end (6.2.1's readAll has no server-side filter).
   */
  async readAll(
    from: EsdbPosition | 'start',
    maxCount: number,
    call?: EsdbCallOptions,
  ): Promise<EsdbAllPage> {
    this.used = true;
    const page: EsdbAllPage = { events: [], read: 0, last: null };
    try {
      const read = this.client.readAll({ direction: 'forwards', fromPosition: from, maxCount });
      await collect(read, call, (event) => {
        page.read += 1;
        if (event.position) page.last = event.position;
        if (!event.streamId.startsWith('$')) page.events.push(toEvent(event));
      });
    } catch (error) {
      if (isInvalidPosition(error)) throw new EsdbInvalidPosition((error as Error).message);
      throw error;
    }
    return page;
  }

  subscribeToAll(from: EsdbPosition | 'start', streamPrefixes: string[]): EsdbSubscriptionStream {
    this.used = true;
    const subscription = this.client.subscribeToAll({
      fromPosition: from,
      filter: { filterOn: 'streamName', prefixes: streamPrefixes, checkpointInterval: 1 },
    });
    async function* events(): AsyncIterableIterator<EsdbEvent> {
      for await (const resolved of subscription) if (resolved.event) yield toEvent(resolved.event);
    }
    return {
      [Symbol.asyncIterator]: events,
      onCaughtUp: (listener) => {
        subscription.on('caughtUp', () => listener(true));
        subscription.on('fellBehind', () => listener(false));
      },
      buffered: () => subscription.readableLength,
      unsubscribe: () => subscription.unsubscribe(),
    };
  }

  async setMaxCount(streamId: string, maxCount: number, call: EsdbCallOptions = {}) {
    this.used = true;
    await this.client.setStreamMetadata(
      streamId,
      { maxCount },
      call.deadlineMs === undefined ? {} : { deadline: call.deadlineMs },
    );
  }

  /**
   * The libraries' `dispose()` cancels open calls but leaves the gRPC channel open (6.2.1
   * Client/index.js `dispose`: streams only); close it too when one was opened.
   */
  async dispose(): Promise<void> {
    await this.client.dispose();
    const withChannel = this.client as { getChannel?: () => Promise<{ close(): void }> };
    if (this.used && typeof withChannel.getChannel === 'function') {
      (await withChannel.getChannel()).close();
    }
  }
}
