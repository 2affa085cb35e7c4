import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { DbClient } from './db-client.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { FakeEsdbClient, FakeEsdbServer } from './fake-esdb-client.js';

// The STAND-IN server and client (fake-esdb-client.ts): checks the adapter and `DbClient` on
// every run. The real server is exercised by eventstoredb-event-store.int-spec.ts when
// EVENTSTORE_CONNECTION_STRING is set.
describeEventStoreContract(
  'eventstoredb adapter over the STAND-IN server (@eventstore/db-client API)',
  () => {
    const eventStore = new EventStoreDbEventStore(
      new DbClient(new FakeEsdbClient(new FakeEsdbServer())),
      { timeoutMs: 1_000, subscriptions: { pollIntervalMs: 5, retryInitialMs: 5, retryMaxMs: 50 } },
    );
    return Promise.resolve({ eventStore, readModels: null, close: () => eventStore.close() });
  },
);
