import { Logger } from '@nestjs/common';
import type { SubscribeOptions, Subscription, SubscriptionStatus } from '../event-store.port.js';
import {
  Pause,
  backoffDelay,
  type SubscriptionTiming,
} from '../subscription/polling-subscription.js';
import { assertName } from '../validation.js';
import type { EsdbClient, EsdbPosition, EsdbSubscriptionStream } from './esdb-client.port.js';
import { isAfter, toRecorded } from './esdb-events.js';

/** Durable checkpoints kept in a stream of ours (`jejak-checkpoint-<subscriber>`). */
export type CheckpointStore = {
  load(subscriber: string): Promise<EsdbPosition | null>;
  save(subscriber: string, position: EsdbPosition): Promise<void>;
};

/**
 * A catch-up subscription to $all filtered to our stream prefixes: it resumes after the stored
 * checkpoint, stores each event's position after the handler resolves (at least once), and
 * after any failure resubscribes from the checkpoint with exponential backoff. `caughtUp`
 * follows the server's caught-up / fell-behind signals; `lag` is 0 when caught up and
 * otherwise counts events delivered since the subscription last fell behind (a lower bound).
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
  let current: EsdbSubscriptionStream | null = null;

  async function follow(): Promise<void> {
    const from = await checkpoints.load(options.subscriber);
    state.checkpoint = from ? Number(from.commit) : null;
    current = client.subscribeToAll(from ?? 'start', streamPrefixes);
    current.onCaughtUp((caughtUp) =>
      Object.assign(state, { caughtUp, lag: caughtUp ? 0 : state.lag }),
    );
    for await (const event of current) {
      if (stopping) break;
      if (!event.position || !isAfter(event.position, from)) continue;
      await options.handler(toRecorded(event));
      await options.flush?.();
      await checkpoints.save(options.subscriber, event.position);
      state.checkpoint = Number(event.position.commit);
      if (!state.caughtUp) state.lag += 1;
      delete state.lastError;
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
      pause.wake();
      await current?.unsubscribe().catch(() => undefined);
      await done;
    },
  };
}
