import type { RecordedEvent, Subscription } from '../../event-store.port.js';
import type { ContractSubject } from '../contract-subject.js';
import { waitFor } from '../wait-for.js';
import { aStreamId, aSubscriber, collectInto, notes, ofStreams } from './fixtures.js';

type Gate = { reached: Promise<void>; open(): void; wait(): Promise<void> };

function aGate(): Gate {
  let reach!: () => void;
  let open!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { reached, open, wait: () => (reach(), opened) };
}

export function subscriptionContract(subject: () => ContractSubject): void {
  const store = () => subject().eventStore;
  const subscriptions: Subscription[] = [];
  const follow = (subscriber: string, handler: (event: RecordedEvent) => Promise<void>) => {
    const subscription = store().subscribeToAll({ subscriber, from: 'checkpoint', handler });
    subscriptions.push(subscription);
    return subscription;
  };
  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
  });

  describe('subscribeToAll', () => {
    it('catches up in global order and reports caught-up with no lag', async () => {
      const [a, b] = [aStreamId(), aStreamId()];
      const mine = ofStreams([a, b]);
      await store().appendToStream(a, notes(3));
      await store().appendToStream(b, notes(2));
      await store().appendToStream(a, notes(1, 3));
      const seen: RecordedEvent[] = [];
      const subscriber = aSubscriber('catch-up');
      const subscription = follow(subscriber, collectInto(seen));
      await waitFor(() => subscription.status().caughtUp, 'caught up');
      const expected = (await store().readAll()).filter(mine);
      expect(seen.filter(mine)).toEqual(expected);
      expect(subscription.status()).toMatchObject({
        subscriber,
        running: true,
        caughtUp: true,
        lag: 0,
        checkpoint: seen[seen.length - 1]!.globalPosition,
      });
      expect(seen[seen.length - 1]).toEqual(expected[5]);
      await store().appendToStream(b, notes(1, 2));
      await waitFor(() => seen.filter(mine).length === 7, 'the live event');
      expect(seen[seen.length - 1]).toMatchObject({ streamId: b, revision: 2 });
    });

    it('reports caught-up only once the handler has processed every event before it', async () => {
      const a = aStreamId();
      await store().appendToStream(a, notes(6));
      const handled: RecordedEvent[] = []; // the events of `a` the handler has finished
      let caughtUpEarly = -1;
      const subscription = follow(aSubscriber('caught-up'), async (event) => {
        if (event.streamId !== a) return;
        await new Promise((resolve) => setTimeout(resolve, 15));
        handled.push(event);
      });
      await waitFor(
        () => {
          const status = subscription.status();
          if (status.caughtUp && handled.length < 6 && caughtUpEarly < 0)
            caughtUpEarly = handled.length;
          return status.caughtUp && handled.length === 6;
        },
        'caught up with all 6 events handled',
        10_000,
      );
      expect(caughtUpEarly).toBe(-1);
      expect(subscription.status()).toMatchObject({ caughtUp: true, lag: 0 });
    });

    it('resumes from its checkpoint after being stopped mid-stream, losing nothing', async () => {
      const streamId = aStreamId();
      const mine = ofStreams([streamId]);
      await store().appendToStream(streamId, notes(10));
      const gate = aGate();
      const first: RecordedEvent[] = [];
      const subscriber = aSubscriber('resume');
      const subscription = follow(subscriber, async (event) => {
        first.push(event);
        if (mine(event) && event.revision === 3) await gate.wait();
      });
      await gate.reached;
      const stopped = subscription.stop();
      gate.open();
      await stopped;
      expect(subscription.status()).toMatchObject({
        running: false,
        checkpoint: first[first.length - 1]!.globalPosition,
      });
      expect(first.filter(mine)).toHaveLength(4);

      const second: RecordedEvent[] = [];
      const resumed = follow(subscriber, collectInto(second));
      await waitFor(() => resumed.status().caughtUp, 'resumed subscription caught up');
      expect(second.filter(mine)[0]).toMatchObject({ revision: 4 });
      expect([...first, ...second].filter(mine)).toEqual((await store().readAll()).filter(mine));
    });

    it('redelivers after a failing handler, with backoff, then moves on (at least once)', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, notes(3));
      const attempts: number[] = [];
      let failuresLeft = 2;
      const subscription = follow(aSubscriber('flaky'), (event) => {
        if (event.streamId !== streamId) return Promise.resolve();
        attempts.push(event.revision);
        if (event.revision === 1 && failuresLeft > 0) {
          failuresLeft -= 1;
          return Promise.reject(new Error('projection down'));
        }
        return Promise.resolve();
      });
      await waitFor(() => subscription.status().lastError !== undefined, 'the failure reported');
      expect(subscription.status().lastError).toBe('projection down');
      await waitFor(() => subscription.status().caughtUp && attempts.length === 5, 'recovered');
      expect(attempts).toEqual([0, 1, 1, 1, 2]);
      expect(subscription.status().lastError).toBeUndefined();
    });

    it('with flush: flushes each batch before its checkpoint, and redelivers a failed flush', async () => {
      const streamId = aStreamId();
      const mine = ofStreams([streamId]);
      await store().appendToStream(streamId, notes(3));
      const subscriber = aSubscriber('flushed');
      let pending: RecordedEvent[] = [];
      const flushed: RecordedEvent[] = [];
      let failuresLeft = 1;
      const subscription = store().subscribeToAll({
        subscriber,
        from: 'checkpoint',
        handler: (event) => {
          if (mine(event)) pending.push(event);
          return Promise.resolve();
        },
        flush: () => {
          const batch = pending;
          pending = [];
          if (batch.length > 0 && failuresLeft > 0) {
            failuresLeft -= 1;
            return Promise.reject(new Error('write failed'));
          }
          flushed.push(...batch);
          return Promise.resolve();
        },
      });
      subscriptions.push(subscription);
      await waitFor(() => flushed.length === 3, 'the batch flushed after the failure');
      await waitFor(() => subscription.status().caughtUp, 'caught up');
      expect(flushed).toEqual((await store().readAll()).filter(mine));
      expect(subscription.status().lastError).toBeUndefined();
      await store().appendToStream(streamId, notes(1, 3));
      await waitFor(() => flushed.length === 4, 'the live event flushed');
      await subscription.stop();
      expect(subscription.status().checkpoint).toBe(flushed[3]!.globalPosition);

      const again: RecordedEvent[] = [];
      const resumed = follow(subscriber, collectInto(again));
      await waitFor(() => resumed.status().caughtUp, 'resumed');
      expect(again.filter(mine)).toEqual([]);
    });

    it('keeps one checkpoint per subscriber name', async () => {
      const streamId = aStreamId();
      await store().appendToStream(streamId, notes(2));
      const a = follow(aSubscriber('alpha'), () => Promise.resolve());
      await waitFor(() => a.status().caughtUp, 'alpha caught up');
      await a.stop();
      const seenByBeta: RecordedEvent[] = [];
      const b = follow(aSubscriber('beta'), collectInto(seenByBeta));
      await waitFor(() => b.status().caughtUp, 'beta caught up');
      expect(seenByBeta.filter(ofStreams([streamId]))).toHaveLength(2);
    });

    it('never skips an event while writers race (subscriber sees readAll exactly)', async () => {
      const seen: RecordedEvent[] = [];
      const streams = Array.from({ length: 10 }, () => aStreamId());
      const mine = ofStreams(streams);
      const subscription = follow(aSubscriber('racing'), collectInto(seen));
      await Promise.all(
        streams.map(async (streamId) => {
          for (let i = 0; i < 10; i += 1) await store().appendToStream(streamId, notes(2, 2 * i));
        }),
      );
      await waitFor(() => seen.filter(mine).length === 200, '200 events delivered');
      expect(seen.filter(mine)).toEqual((await store().readAll()).filter(mine));
      await waitFor(() => subscription.status().caughtUp, 'caught up');
      expect(subscription.status().lag).toBe(0);
    });
  });
}
