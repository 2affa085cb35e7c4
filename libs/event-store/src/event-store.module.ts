import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnApplicationShutdown,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import {
  createEventStore,
  OpenedEventStore,
  type EventStoreOptions,
} from './create-event-store.js';
import { EVENT_STORE, READ_MODEL_STORE } from './event-store.tokens.js';

const EVENT_STORE_OPTIONS = Symbol('EVENT_STORE_OPTIONS');

export type EventStoreModuleAsyncOptions = Pick<ModuleMetadata, 'imports'> & {
  useFactory: (...args: never[]) => EventStoreOptions | Promise<EventStoreOptions>;
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  /** Provide EVENT_STORE and READ_MODEL_STORE everywhere (default true: one store per app). */
  global?: boolean;
};

/** Closes the store (subscriptions, pool or file) when the application shuts down. */
@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: OpenedEventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Provides `EVENT_STORE` (EventStore) and `READ_MODEL_STORE` (ReadModelStore) from options the
 * app reads from its own config: `forRoot({ kind: 'embedded', path })`, or `forRootAsync({
 * useFactory: (config) => ({ kind: ..., databaseUrl: ... }), inject: [...] })`.
 */
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreOptions = {}): DynamicModule {
    return EventStoreModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: EventStoreModuleAsyncOptions): DynamicModule {
    return {
      module: EventStoreModule,
      global: options.global ?? true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: EVENT_STORE_OPTIONS,
          useFactory: options.useFactory,
          inject: options.inject ?? [],
        },
        {
          provide: EVENT_STORE,
          useFactory: (config: EventStoreOptions) => createEventStore(config),
          inject: [EVENT_STORE_OPTIONS],
        },
        {
          provide: READ_MODEL_STORE,
          useFactory: (store: OpenedEventStore) => store.readModels,
          inject: [EVENT_STORE],
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, READ_MODEL_STORE],
    };
  }
}
