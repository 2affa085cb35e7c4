import type { ContractSubject } from '../testing/contract-subject.js';
import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { DbClient, dialectOf } from './db-client.js';
import type { LibraryDialect } from './esdb-library.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

// Runs against a real EventStoreDB / KurrentDB when EVENTSTORE_CONNECTION_STRING is set, e.g.
// `esdb://127.0.0.1:2113?tls=false` (infra/docker-compose.yml) or, for a secure KurrentDB 25
// node, `kurrentdb://admin:changeit@127.0.0.1:2113?tlsCAFile=/path/to/ca.crt`. The contract runs
// once per client library: `@eventstore/db-client` over the `esdb://` form of the string and
// `@kurrent/kurrentdb-client` over its `kurrentdb://` form. Otherwise it says so and registers
// no passing test. Tampering is not part of this run: EventStoreDB has no way to change an
// event in place, and its read models live in a SQL store (see createStores).
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

/** The same server in the scheme each library expects (6.2.1 knows only `esdb`). */
export function connectionStringFor(value: string, dialect: LibraryDialect): string {
  const [scheme = '', rest = ''] = value.split('://', 2);
  const discover = scheme.endsWith('+discover') ? '+discover' : '';
  return `${dialect === 'kurrent' ? 'kurrentdb' : 'esdb'}${discover}://${rest}`;
}

function open(dialect: LibraryDialect): ContractSubject {
  const target = connectionStringFor(connectionString!, dialect);
  const eventStore = new EventStoreDbEventStore(new DbClient(target, dialectOf(target)), {
    timeoutMs: 5_000,
    subscriptions: { pollIntervalMs: 20, retryInitialMs: 20, retryMaxMs: 200 },
  });
  return {
    eventStore,
    readModels: null,
    reopen: async () => {
      await eventStore.close();
      return open(dialect);
    },
    close: () => eventStore.close(),
  };
}

if (connectionString) {
  for (const dialect of ['eventstore', 'kurrent'] as const) {
    describeEventStoreContract(
      `eventstoredb (${dialect === 'kurrent' ? '@kurrent/kurrentdb-client' : '@eventstore/db-client'}, real server)`,
      () => Promise.resolve(open(dialect)),
      { durability: true },
    );
  }
} else {
  process.stdout.write(
    'EventStoreDB contract NOT RUN against a real server: EVENTSTORE_CONNECTION_STRING is not set (no server to test against; the stand-in run is eventstoredb-adapter.spec.ts).\n',
  );
  describe.skip('EventStore contract: eventstoredb (not run: EVENTSTORE_CONNECTION_STRING is not set)', () => {
    it('needs a real EventStoreDB server', () => undefined);
  });
}
