import { openSqliteStores } from './embedded/sqlite-event-store.js';
import { InvalidArgumentError } from './event-store.errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadModelStore,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  VerifiedStream,
  VerifyResult,
} from './event-store.port.js';
import type { EventStoreHandle } from './stores.js';
import type { SubscriptionTiming } from './subscription/polling-subscription.js';

export type EventStoreKind = 'embedded' | 'postgres' | 'eventstoredb';

/** Where read models live when the events are in EventStoreDB (which keeps no documents). */
export type ReadModelOptions =
  { kind: 'embedded'; path?: string } | { kind: 'postgres'; databaseUrl: string; schema?: string };

/** Everything comes in as options: the lib never reads the environment (apps do, and pass it). */
export type EventStoreOptions = {
  /** Default `embedded`. */
  kind?: EventStoreKind;
  /** embedded: the SQLite file (default `./data/jejak.db`; its directory is created). */
  path?: string;
  /** postgres: connection URL (required). */
  databaseUrl?: string;
  /** postgres: schema for jejak's tables (default: the server's search_path). */
  schema?: string;
  /** postgres: pool size (default 10). */
  poolSize?: number;
  /** postgres: appends in flight before the others are grouped into one commit (default 2). */
  appendSlots?: number;
  /** eventstoredb: connection string, e.g. `esdb://host:2113?tls=false` (required). */
  connectionString?: string;
  /** eventstoredb: our deadline for every client call (default 10 s). */
  timeoutMs?: number;
  /** eventstoredb: read-model store (default embedded `./data/jejak-read-models.db`). */
  readModels?: ReadModelOptions;
  /** The store's clock for `recordedAt` (default: system clock). */
  clock?: () => Date;
  subscriptions?: Partial<SubscriptionTiming>;
};

export const DEFAULT_READ_MODELS_PATH = './data/jejak-read-models.db';

/** An opened store: an EventStore whose `close()` also closes its read models. */
export class OpenedEventStore implements EventStore {
  constructor(
    private readonly handle: EventStoreHandle,
    readonly kind: EventStoreKind,
  ) {}

  get readModels(): ReadModelStore {
    return this.handle.readModels;
  }

  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.handle.eventStore.appendToStream(streamId, events, options);
  }
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.handle.eventStore.readStream(streamId, options);
  }
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.handle.eventStore.readAll(options);
  }
  streamRevision(streamId: string): Promise<number | null> {
    return this.handle.eventStore.streamRevision(streamId);
  }
  findByIdempotencyKey(streamId: string, key: string): Promise<RecordedEvent[]> {
    return this.handle.eventStore.findByIdempotencyKey(streamId, key);
  }
  listStreams(): Promise<string[]> {
    return this.handle.eventStore.listStreams();
  }
  verifyStream(streamId: string): Promise<VerifyResult> {
    return this.handle.eventStore.verifyStream(streamId);
  }
  readVerifiedStream(streamId: string): Promise<VerifiedStream> {
    return this.handle.eventStore.readVerifiedStream(streamId);
  }
  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.handle.eventStore.subscribeToAll(options);
  }
  close(): Promise<void> {
    return this.handle.close();
  }
}

function required(value: string | undefined, name: string, kind: EventStoreKind): string {
  if (!value) throw new InvalidArgumentError(`The ${kind} event store needs ${name}`);
  return value;
}

/**
 * The PostgreSQL and EventStoreDB adapters (and their drivers, `pg` and `@eventstore/db-client`)
 * are loaded when a store of that kind is opened: the default embedded store does not pay for
 * loading them at start-up.
 */
const postgresAdapter = () => import('./postgres/postgres-event-store.js');

async function openReadModels(options: ReadModelOptions | undefined): Promise<EventStoreHandle> {
  if (options?.kind === 'postgres') return (await postgresAdapter()).openPostgresStores(options);
  return openSqliteStores({ path: options?.path ?? DEFAULT_READ_MODELS_PATH });
}

async function open(kind: EventStoreKind, options: EventStoreOptions): Promise<EventStoreHandle> {
  switch (kind) {
    case 'embedded':
      return openSqliteStores(options);
    case 'postgres':
      return (await postgresAdapter()).openPostgresStores({
        ...options,
        databaseUrl: required(options.databaseUrl, 'databaseUrl', kind),
      });
    case 'eventstoredb': {
      const [{ DbClient }, { EventStoreDbEventStore }] = await Promise.all([
        import('./eventstoredb/db-client.js'),
        import('./eventstoredb/eventstoredb-event-store.js'),
      ]);
      const client = new DbClient(required(options.connectionString, 'connectionString', kind));
      const eventStore = new EventStoreDbEventStore(client, options);
      const documents = await openReadModels(options.readModels).catch(async (error: unknown) => {
        await eventStore.close();
        throw error;
      });
      const close = async () => {
        await eventStore.close();
        await documents.close();
      };
      return { eventStore, readModels: documents.readModels, close };
    }
    default: {
      const unknownKind: never = kind;
      throw new InvalidArgumentError(`Unknown event store kind ${JSON.stringify(unknownKind)}`);
    }
  }
}

/**
 * Opens the configured store (framework-free: the CLI and the bench call this; the Nest module
 * wraps it). Migrations run here, idempotently.
 */
export async function createEventStore(options: EventStoreOptions = {}): Promise<OpenedEventStore> {
  const kind = options.kind ?? 'embedded';
  return new OpenedEventStore(await open(kind, options), kind);
}
