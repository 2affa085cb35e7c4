import { Logger } from '@nestjs/common';
import type { SubscribeOptions, Subscription, SubscriptionStatus } from '../event-store.port.js';
import {
  Pause,
  backoffDelay,
  type SubscriptionTiming,
} from '../subscription/polling-subscription.js';
import { assertName } from '../validation.js';
import type {
  EsdbClient,
  EsdbEvent,
  EsdbPosition,
  EsdbSubscriptionStream,
} from './esdb-client.port.js';
import { toRecorded } from './esdb-events.js';

/** Durable checkpoints kept in a stream of ours (`jejak-checkpoint-<subscriber>`). */
export type CheckpointStore = {
  load(subscriber: string): Promise<EsdbPosition | null>;
  save(subscriber: string, position: EsdbPosition): Promise<void>;
};

/** At most this many handled events between two checkpoints while the client has more buffered. */
const CHECKPOINT_EVERY = 100;

const STOPPED = Symbol('stopped');

/**
 * A catch-up subscription to $all filtered to our stream prefixes: it resumes after the stored
 * checkpoint and after any failure resubscribes from it with exponential backoff.
 *
 * Checkpoints are saved per batch (at least once): when the handler has taken every event the
 * client had buffered, after `CHECKPOINT_EVERY` events otherwise, and when stopped; `flush` runs
 * before each save.
 *
 * Caught-up comes from what the handler has processed, not from the client's signal alone: the
 * client raises `caughtUp` as the server's message passes through its buffer, with up to 16
 * events still waiting (streams/utils/Subscription.js, an object-mode Transform). So caught-up is
 * the signal plus an idle handler plus an empty client buffer; `lag` is 0 then and otherwise a
 * lower bound: the events waiting in the client's buffer (at least 1).
 */
export function startEsdbSubscription(
  client: EsdbClient,
  checkpoints: CheckpointStore,
  streamPrefixes: string[],
  options: SubscribeOptions,
  timing: SubscriptionTiming,
): Subscription {
  assertName('subscriber', options.subscriber);
  const logger = new Logger(`Subscription:${options.subscriber}`);
  const pause = new Pause();
  const state: SubscriptionStatus = {
    subscriber: options.subscriber,
    running: true,
    caughtUp: false,
    lag: 0,
    checkpoint: null,
  };
  let stopping = false;
  let onStop: () => void = () => undefined;
  const stopped = new Promise<typeof STOPPED>((resolve) => (onStop = () => resolve(STOPPED)));
  let current: EsdbSubscriptionStream | null = null;

  function report(signalled: boolean, idle: boolean): void {
    const waiting = current?.buffered() ?? 0;
    const caughtUp = signalled && idle && waiting === 0;
    Object.assign(state, { caughtUp, lag: caughtUp ? 0 : Math.max(1, waiting + (idle ? 0 : 1)) });
  }

  async function follow(): Promise<void> {
    const from = await checkpoints.load(options.subscriber);
    state.checkpoint = from ? Number(from.commit) : null;
    const stream = client.subscribeToAll(from ?? 'start', streamPrefixes);
    current = stream;
    let signalled = false;
    let idle = true;
    stream.onCaughtUp((caughtUp) => {
      signalled = caughtUp;
      report(signalled, idle);
    });
    let unsaved: EsdbPosition | null = null;
    let unsavedCount = 0;
    const save = async () => {
      if (!unsaved) return;
      await options.flush?.();
      await checkpoints.save(options.subscriber, unsaved);
      state.checkpoint = Number(unsaved.commit);
      unsaved = null;
      unsavedCount = 0;
    };
    const events = stream[Symbol.asyncIterator]();
    try {
      while (!stopping) {
        const next: IteratorResult<EsdbEvent> | typeof STOPPED = await Promise.race([
          events.next(),
          stopped,
        ]);
        if (next === STOPPED || next.done) break;
        const event = next.value;
        if (!event.position || (from && event.position.commit <= from.commit)) continue;
        idle = false;
        report(signalled, idle);
        try {
          await options.handler(toRecorded(event));
        } catch (error) {
          // Keep what was handled before the failure: only the failed event is redelivered.
          await save().catch(() => undefined);
          throw error;
        }
        unsaved = event.position;
        unsavedCount += 1;
        if (stream.buffered() === 0 || unsavedCount >= CHECKPOINT_EVERY) await save();
        delete state.lastError;
        idle = true;
        report(signalled, idle);
      }
      await save();
    } finally {
      void events.return?.(undefined)?.catch(() => undefined);
    }
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopping) {
      try {
        await follow();
        failures = 0;
        if (!stopping) await pause.wait(timing.pollIntervalMs); // the server ended it: resubscribe
      } catch (error) {
        failures += 1;
        state.caughtUp = false;
        state.lastError = error instanceof Error ? error.message : String(error);
        const delay = backoffDelay(timing, failures);
        logger.warn(
          `failed (${failures} in a row), resubscribing in ${delay} ms: ${state.lastError}`,
        );
        if (!stopping) await pause.wait(delay);
      } finally {
        await current?.unsubscribe().catch(() => undefined);
        current = null;
      }
    }
    state.running = false;
  }

  const done = run();
  return {
    status: () => ({ ...state }),
    async stop() {
      stopping = true;
      onStop();
      pause.wake();
      await done;
    },
  };
}
