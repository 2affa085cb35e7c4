import { StreamRevisionConflictError, type EventStore } from '@jejak/event-store';
import type { AppendOutcome, Metrics } from './metrics.service.js';

const INSTRUMENTED = Symbol.for('jejak.observability.instrumented');

type Instrumentable = EventStore & { [INSTRUMENTED]?: true };

function appendOutcome(error: unknown): AppendOutcome {
  return error instanceof StreamRevisionConflictError ? 'conflict' : 'error';
}

/**
 * Measures the store from outside, without touching the adapters or the command path: every
 * `appendToStream` is timed (by outcome), and every subscription the app opens reports its lag
 * at each scrape. Applied once to the app's `EVENT_STORE` instance (idempotent); `now` returns
 * seconds on a monotonic clock.
 */
export function instrumentEventStore(
  store: EventStore,
  metrics: Metrics,
  now: () => number = () => performance.now() / 1000,
): EventStore {
  const target = store as Instrumentable;
  if (target[INSTRUMENTED]) return store;
  const append = store.appendToStream.bind(store);
  const subscribe = store.subscribeToAll.bind(store);

  target.appendToStream = async (streamId, events, options) => {
    const started = now();
    try {
      const result = await append(streamId, events, options);
      metrics.appendObserved(now() - started, 'ok');
      return result;
    } catch (error) {
      metrics.appendObserved(now() - started, appendOutcome(error));
      throw error;
    }
  };

  target.subscribeToAll = (options) => {
    const subscription = subscribe(options);
    const unwatch = metrics.watchSubscription(options.subscriber, () => subscription.status().lag);
    return {
      status: () => subscription.status(),
      stop: async () => {
        unwatch();
        await subscription.stop();
      },
    };
  };

  target[INSTRUMENTED] = true;
  return store;
}
