import { randomUUID } from 'node:crypto';
import { InvalidArgumentError, InvalidEventError } from '../event-store.errors.js';
import { ANY } from '../event-store.port.js';
import { aStreamId, notes } from '../testing/contract/fixtures.js';
import { waitFor } from '../testing/wait-for.js';
import { DbClient } from './db-client.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { FakeEsdbClient, FakeEsdbServer } from './fake-esdb-client.js';

/**
 * What a real EventStoreDB / KurrentDB server does that the adapter must survive, through the
 * stand-in (fake-esdb-client.ts, which cites the server and client source for each behaviour).
 */
function aStore(options: { throwOnAppendFailure?: boolean } = {}) {
  const server = new FakeEsdbServer();
  const client = new FakeEsdbClient(server, options);
  const store = new EventStoreDbEventStore(new DbClient(client), {
    timeoutMs: 2_000,
    subscriptions: { pollIntervalMs: 5, retryInitialMs: 5, retryMaxMs: 50 },
  });
  return { server, client, store };
}

describe('EventStoreDB adapter against server behaviour (stand-in)', () => {
  it('1. reads every event of $all although system events ($ce- links, metadata) fill the pages', async () => {
    const { store } = aStore();
    const streams = Array.from({ length: 12 }, () => aStreamId());
    for (const streamId of streams) await store.appendToStream(streamId, notes(100));
    const all = await store.readAll();
    expect(all).toHaveLength(1_200);
    expect(new Set(await store.listStreams())).toEqual(new Set(streams));
    await store.close();
  });

  it('2. an append that loses a race is never reported as written (throwOnAppendFailure=false)', async () => {
    const { store } = aStore({ throwOnAppendFailure: false });
    const streamId = aStreamId();
    await store.appendToStream(streamId, notes(1));
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        store.appendToStream(streamId, notes(1, i + 1), { expectedRevision: ANY }),
      ),
    );
    const stored = await store.readStream(streamId);
    const reported = results.flatMap((r) => r.events!.map((e) => e.id));
    expect(new Set(reported).size).toBe(5);
    for (const id of reported) expect(stored.map((e) => e.id)).toContain(id);
    await store.close();
  });

  it('2. a revision conflict under throwOnAppendFailure=false is our conflict error', async () => {
    const { store } = aStore({ throwOnAppendFailure: false });
    const streamId = aStreamId();
    await store.appendToStream(streamId, notes(1));
    const outcomes = await Promise.allSettled(
      [1, 2].map((n) => store.appendToStream(streamId, notes(1, n), { expectedRevision: 0 })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = outcomes.filter((o) => o.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'STREAM_REVISION_CONFLICT' });
    expect(await store.readStream(streamId)).toHaveLength(2);
    await store.close();
  });

  it('3. a position the store never returned is refused as an invalid argument, not a failure', async () => {
    const { store } = aStore();
    const [first] = (await store.appendToStream(aStreamId(), notes(2))).events!;
    const error = await store
      .readAll({ fromPosition: first!.globalPosition + 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toMatch(/fromPosition/);
    await store.close();
  });

  it('5. an append over the server’s 1 MiB whole-append cap is our size error, and nothing is written', async () => {
    const { store, server } = aStore();
    const streamId = aStreamId();
    const big = (n: number) => ({ type: 'NoteTaken', data: { n, text: 'x'.repeat(400_000) } });
    const error = await store
      .appendToStream(streamId, [big(1), big(2), big(3)])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as Error).message).toMatch(/1[,.]?048[,.]?576/);
    expect(server.stream(streamId)).toHaveLength(0);
    await store.close();
  });

  it('5. stores the user metadata once (inside the hashed envelope), beside it only the chain', async () => {
    const { store, server } = aStore();
    const streamId = aStreamId();
    await store.appendToStream(streamId, notes(1, 0, { correlationId: randomUUID() }));
    const [record] = server.stream(streamId);
    const metadata = JSON.parse(new TextDecoder().decode(record!.metadata)) as object;
    expect(Object.keys(metadata).sort()).toEqual(['hash', 'prevHash']);
    const [event] = await store.readStream(streamId);
    expect(event!.metadata).toMatchObject({ actor: '{"sub":"tester"}' });
    await store.close();
  });
});

describe('EventStoreDB adapter: timeouts, retries, checkpoints', () => {
  it('cancels a read when its deadline passes (the server would otherwise keep streaming)', async () => {
    const server = new FakeEsdbServer();
    const client = new FakeEsdbClient(server);
    const store = new EventStoreDbEventStore(new DbClient(client), { timeoutMs: 100 });
    client.faults.stallReads = true;
    await expect(store.readAll()).rejects.toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
    expect(client.faults.cancelledReads).toBe(1);
    await store.close();
  });

  it('resends an append that timed out with the same event ids: written once, reported once', async () => {
    const server = new FakeEsdbServer();
    const client = new FakeEsdbClient(server);
    const store = new EventStoreDbEventStore(new DbClient(client), { timeoutMs: 150 });
    const streamId = aStreamId();
    await store.appendToStream(streamId, notes(1));
    Object.assign(client.faults, { lateReplies: 1, lateReplyMs: 400 });
    const result = await store.appendToStream(streamId, notes(2, 1), { expectedRevision: 0 });
    expect(result.nextExpectedRevision).toBe(2);
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(result.events!.map((e) => e.id)).toEqual(stored.slice(1).map((e) => e.id));
    await store.close();
  });

  it('saves checkpoints per batch, not per event, in a stream bounded by $maxCount', async () => {
    const { store, server } = aStore();
    const streamId = aStreamId();
    for (let i = 0; i < 3; i += 1) await store.appendToStream(streamId, notes(100, i * 100));
    let handled = 0;
    const subscriber = `batches-${randomUUID().slice(0, 8)}`;
    const subscription = store.subscribeToAll({
      subscriber,
      from: 'checkpoint',
      handler: (event) => {
        if (event.streamId === streamId) handled += 1;
        return Promise.resolve();
      },
    });
    await waitFor(() => subscription.status().caughtUp && handled === 300, 'caught up');
    await subscription.stop();
    const written = server.stream(`jejak-checkpoint-${subscriber}`);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThanOrEqual(30);
    expect(server.visible(`jejak-checkpoint-${subscriber}`).length).toBeLessThanOrEqual(5);
    expect(server.stream(`$$jejak-checkpoint-${subscriber}`)).toHaveLength(1);
    await store.close();
  });
});

describe('EventStoreDB adapter: caught-up across fell-behind', () => {
  it('falls behind when a burst overflows the server’s live buffer and catches up again once handled', async () => {
    const { store, client } = aStore();
    const streamId = aStreamId();
    await store.appendToStream(streamId, notes(1));
    let handled = 0;
    const subscription = store.subscribeToAll({
      subscriber: `behind-${randomUUID().slice(0, 8)}`,
      from: 'checkpoint',
      handler: async (event) => {
        if (event.streamId !== streamId) return;
        await new Promise((resolve) => setTimeout(resolve, 2));
        handled += 1;
      },
    });
    await waitFor(() => subscription.status().caughtUp && handled === 1, 'caught up');
    const statuses: boolean[] = [];
    for (let i = 0; i < 4; i += 1) await store.appendToStream(streamId, notes(25, 1 + i * 25));
    // Events the server has not sent yet are invisible to any client: wait for the burst to arrive.
    await waitFor(() => handled > 1, 'the burst arriving');
    await waitFor(
      () => {
        const { caughtUp } = subscription.status();
        statuses.push(caughtUp);
        if (caughtUp) expect(handled).toBe(101);
        return caughtUp;
      },
      'caught up after the burst',
      10_000,
    );
    expect(statuses).toContain(false);
    expect(client.sent.fellBehind).toBeGreaterThan(0);
    expect(subscription.status()).toMatchObject({ caughtUp: true, lag: 0 });
    await subscription.stop();
    await store.close();
  });
});
