import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { DbClient } from './db-client.js';
import type { LibraryDialect } from './esdb-library.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { FakeEsdbClient, FakeEsdbServer } from './fake-esdb-client.js';

// The STAND-IN server and client API (fake-esdb-client.ts) under `DbClient` and the adapter, on
// every run, for both client libraries. The real server is exercised by
// eventstoredb-event-store.int-spec.ts when EVENTSTORE_CONNECTION_STRING is set.
const runs: { name: string; dialect: LibraryDialect; throwOnAppendFailure: boolean }[] = [
  { name: '@eventstore/db-client API', dialect: 'eventstore', throwOnAppendFailure: true },
  { name: '@kurrent/kurrentdb-client API', dialect: 'kurrent', throwOnAppendFailure: true },
  {
    name: '@eventstore/db-client API, throwOnAppendFailure=false',
    dialect: 'eventstore',
    throwOnAppendFailure: false,
  },
];

for (const run of runs) {
  describeEventStoreContract(`eventstoredb adapter over the STAND-IN server (${run.name})`, () => {
    const client = new FakeEsdbClient(new FakeEsdbServer(), run);
    const eventStore = new EventStoreDbEventStore(new DbClient(client, run.dialect), {
      timeoutMs: 1_000,
      subscriptions: { pollIntervalMs: 5, retryInitialMs: 5, retryMaxMs: 50 },
    });
    return Promise.resolve({ eventStore, readModels: null, close: () => eventStore.close() });
  });
}
