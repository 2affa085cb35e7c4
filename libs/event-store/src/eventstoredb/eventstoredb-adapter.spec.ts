import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { FakeEsdbClient } from './fake-esdb-client.js';

// FAKE client (in memory): checks the adapter's own logic on every run. The real server is
// exercised by eventstoredb-event-store.int-spec.ts when EVENTSTORE_CONNECTION_STRING is set.
describeEventStoreContract('eventstoredb adapter over a FAKE in-memory client', () => {
  const eventStore = new EventStoreDbEventStore(new FakeEsdbClient(), {
    timeoutMs: 1_000,
    subscriptions: { pollIntervalMs: 5, retryInitialMs: 5, retryMaxMs: 50 },
  });
  return Promise.resolve({ eventStore, readModels: null, close: () => eventStore.close() });
});
