import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  createEventStore,
  NO_STREAM,
  StreamRevisionConflictError,
  waitFor,
  type OpenedEventStore,
} from '@jejak/event-store';
import { instrumentEventStore } from './instrument-event-store.js';
import { Metrics } from './metrics.service.js';

describe('instrumentEventStore (real embedded store)', () => {
  let dir: string;
  let store: OpenedEventStore;
  let metrics: Metrics;
  let clock: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jejak-obs-'));
    store = await createEventStore({ kind: 'embedded', path: join(dir, 'events.db') });
    metrics = new Metrics();
    clock = 0;
    // Each reading of the clock advances it by 0.25 s (exact in binary): an append observes 0.25 s.
    instrumentEventStore(store, metrics, () => (clock += 0.25));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const streamId = () => `selection-${randomUUID()}`;
  const event = { type: 'SelectionOpened', data: { title: 't' } };

  it('times every append by outcome, and still returns or throws what the store did', async () => {
    const stream = streamId();
    const result = await store.appendToStream(stream, [event], { expectedRevision: NO_STREAM });
    expect(result.nextExpectedRevision).toBe(0);
    await expect(
      store.appendToStream(stream, [event], { expectedRevision: NO_STREAM }),
    ).rejects.toBeInstanceOf(StreamRevisionConflictError);

    const text = await metrics.scrape();
    expect(text).toContain('jejak_event_store_append_duration_seconds_count{outcome="ok"} 1');
    expect(text).toContain('jejak_event_store_append_duration_seconds_sum{outcome="ok"} 0.25');
    expect(text).toContain('jejak_event_store_append_duration_seconds_count{outcome="conflict"} 1');
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('is applied once, however often it is called', async () => {
    instrumentEventStore(store, metrics);
    await store.appendToStream(streamId(), [event]);
    expect(await metrics.scrape()).toContain(
      'jejak_event_store_append_duration_seconds_count{outcome="ok"} 1',
    );
  });

  it("reports each subscription's lag at scrape time, until it stops", async () => {
    await store.appendToStream(streamId(), [event]);
    const seen: string[] = [];
    const subscription = store.subscribeToAll({
      subscriber: 'observability-test',
      from: 'checkpoint',
      handler: (recorded) => {
        seen.push(recorded.id);
        return Promise.resolve();
      },
    });
    await waitFor(
      () => seen.length === 1 && subscription.status().caughtUp,
      'the subscription to catch up',
    );
    expect(await metrics.scrape()).toContain(
      `jejak_subscription_lag_events{subscriber="observability-test"} ${subscription.status().lag}`,
    );
    await subscription.stop();
    metrics.subscriptionLag('observability-test', 42);
    expect(await metrics.scrape()).toContain(
      'jejak_subscription_lag_events{subscriber="observability-test"} 42',
    );
  });
});
