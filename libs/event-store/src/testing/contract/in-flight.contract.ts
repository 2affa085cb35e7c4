import { EventStoreUnavailableError } from '../../event-store.errors.js';
import type { EventStore, NewEvent, RecordedEvent, Subscription } from '../../event-store.port.js';
import type { ContractSubject } from '../contract-subject.js';
import { waitFor } from '../wait-for.js';
import { aStreamId, collectInto, notes } from './fixtures.js';

function required<T>(hook: T | undefined, name: string): T {
  if (!hook) throw new Error(`The adapter declared this feature but its subject has no ${name}`);
  return hook;
}

/** A dropped connection may fail the one call that was using it: the caller retries. */
async function appendRetryingOutages(store: EventStore, streamId: string, events: NewEvent[]) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await store.appendToStream(streamId, events);
    } catch (error) {
      if (!(error instanceof EventStoreUnavailableError) || attempt === 3) throw error;
    }
  }
}

/** The sequence-gap test: needs a store whose appends run as real concurrent transactions. */
export function inFlightContract(subject: () => ContractSubject): void {
  let subscription: Subscription | null = null;
  afterEach(async () => {
    await subscription?.stop();
    subscription = null;
  });

  it('a subscriber never skips an event whose transaction commits after later writers', async () => {
    const store = subject().eventStore;
    const seen: RecordedEvent[] = [];
    subscription = store.subscribeToAll({
      subscriber: 'gap',
      from: 'checkpoint',
      handler: collectInto(seen),
    });
    await store.appendToStream(aStreamId(), notes(1));
    await waitFor(() => seen.length === 1, 'the first event');

    const held = await required(subject().holdAppend, 'holdAppend')(aStreamId(), notes(1));
    const writers = Array.from({ length: 5 }, () => store.appendToStream(aStreamId(), notes(2)));
    try {
      const blocked = required(subject().blockedAppends, 'blockedAppends');
      await waitFor(
        async () => seen.length > 1 || (await blocked()) >= 5,
        'the writers to queue behind the open transaction (or, wrongly, to become visible)',
      );
      expect(seen).toHaveLength(1);
      expect(await store.readAll({ fromPosition: seen[0]!.globalPosition })).toEqual([]);
    } finally {
      await held.commit();
    }
    await Promise.all(writers);
    await waitFor(() => seen.length === 12, 'all 12 events delivered');
    expect(seen).toEqual(await store.readAll());
    expect(seen[1]!.type).toBe('NoteTaken');
  });

  it('a subscription restarts by itself after its database connections are dropped', async () => {
    const store = subject().eventStore;
    const streamId = aStreamId();
    const seen: RecordedEvent[] = [];
    subscription = store.subscribeToAll({
      subscriber: 'dropped',
      from: 'checkpoint',
      handler: collectInto(seen),
    });
    await store.appendToStream(streamId, notes(2));
    await waitFor(() => seen.length === 2, 'the first events');
    await required(subject().dropConnections, 'dropConnections')();
    await appendRetryingOutages(store, streamId, notes(2, 2));
    await waitFor(
      () => seen.length >= 4 && subscription!.status().caughtUp,
      'delivery after the drop',
    );
    const unique = [...new Map(seen.map((e) => [e.globalPosition, e])).values()];
    expect(unique).toEqual(await store.readAll());
    expect(subscription.status().running).toBe(true);
  });
}
