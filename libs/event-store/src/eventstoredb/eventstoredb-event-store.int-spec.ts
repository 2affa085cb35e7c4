import type { ContractSubject } from '../testing/contract-subject.js';
import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { DbClient } from './db-client.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

// Runs against a real EventStoreDB / KurrentDB when EVENTSTORE_CONNECTION_STRING is set, e.g.
// `esdb://127.0.0.1:2113?tls=false` (infra/docker-compose.yml). Otherwise it says so and
// registers no passing test. Tampering is not part of this run: EventStoreDB has no way to
// change an event in place, and its read models live in a SQL store (see createStores).
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

function open(): ContractSubject {
  const eventStore = new EventStoreDbEventStore(new DbClient(connectionString!), {
    timeoutMs: 5_000,
    subscriptions: { pollIntervalMs: 20, retryInitialMs: 20, retryMaxMs: 200 },
  });
  return {
    eventStore,
    readModels: null,
    reopen: async () => {
      await eventStore.close();
      return open();
    },
    close: () => eventStore.close(),
  };
}

if (connectionString) {
  describeEventStoreContract('eventstoredb', () => Promise.resolve(open()), { durability: true });
} else {
  process.stdout.write(
    'EventStoreDB contract NOT RUN: EVENTSTORE_CONNECTION_STRING is not set (no server to test against).\n',
  );
  describe.skip('EventStore contract: eventstoredb (not run: EVENTSTORE_CONNECTION_STRING is not set)', () => {
    it('needs a real EventStoreDB server', () => undefined);
  });
}
