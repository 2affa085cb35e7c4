import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  WrongExpectedVersionError,
  binaryEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type {
  EsdbClient,
  EsdbEvent,
  EsdbExpectedRevision,
  EsdbNewEvent,
  EsdbPosition,
  EsdbReadStreamOptions,
  EsdbSubscriptionStream,
} from './esdb-client.port.js';
import { EsdbWrongRevision } from './esdb-client.port.js';

type Recorded = NonNullable<ResolvedEvent['event'] | AllStreamResolvedEvent['event']>;

function toEvent(recorded: Recorded): EsdbEvent {
  const data = recorded.data;
  return {
    streamId: recorded.streamId,
    id: recorded.id,
    revision: Number(recorded.revision),
    type: recorded.type,
    data: data instanceof Uint8Array ? data : new TextEncoder().encode(JSON.stringify(data)),
    metadata:
      recorded.metadata && !(recorded.metadata instanceof Uint8Array)
        ? (recorded.metadata as Record<string, unknown>)
        : {},
    created: recorded.created,
    position: recorded.position ?? null,
  };
}

function isNotFound(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === 'stream-not-found';
}

function toExpected(expected: EsdbExpectedRevision) {
  return expected === 'no_stream' ? NO_STREAM : expected === 'any' ? ANY : BigInt(expected);
}

/** `EsdbClient` over `@eventstore/db-client` 6.x. */
export class DbClient implements EsdbClient {
  private readonly client: EventStoreDBClient;

  constructor(connection: string | EventStoreDBClient) {
    this.client =
      typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
  }

  async append(streamId: string, events: EsdbNewEvent[], expected: EsdbExpectedRevision) {
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) =>
          binaryEvent({ id: e.id, type: e.type, data: e.data, metadata: e.metadata }),
        ),
        { expectedRevision: toExpected(expected) },
      );
      return {
        nextExpectedRevision: Number(result.nextExpectedRevision),
        position: result.position ?? null,
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new EsdbWrongRevision(typeof actual === 'bigint' ? Number(actual) : null);
      }
      throw error;
    }
  }

  async readStream(streamId: string, options: EsdbReadStreamOptions): Promise<EsdbEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: EsdbEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision:
          options.fromRevision === undefined
            ? backwards
              ? END
              : START
            : BigInt(options.fromRevision),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      for await (const resolved of read) if (resolved.event) events.push(toEvent(resolved.event));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll(from: EsdbPosition | 'start', maxCount: number): Promise<EsdbEvent[]> {
    const events: EsdbEvent[] = [];
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: from === 'start' ? START : from,
      maxCount,
    });
    for await (const resolved of read) {
      if (resolved.event && !resolved.event.streamId.startsWith('$'))
        events.push(toEvent(resolved.event));
    }
    return events;
  }

  subscribeToAll(from: EsdbPosition | 'start', streamPrefixes: string[]): EsdbSubscriptionStream {
    const subscription = this.client.subscribeToAll({
      fromPosition: from === 'start' ? START : from,
      filter: streamNameFilter({ prefixes: streamPrefixes }),
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
      unsubscribe: () => subscription.unsubscribe(),
    };
  }

  async setMaxCount(streamId: string, maxCount: number): Promise<void> {
    await this.client.setStreamMetadata(streamId, { maxCount });
  }

  dispose(): Promise<void> {
    return this.client.dispose();
  }
}
