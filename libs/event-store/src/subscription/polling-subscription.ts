import { Logger } from '@nestjs/common';
import type {
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionStatus,
} from '../event-store.port.js';
import { assertName } from '../validation.js';

/** What a catch-up subscription needs from a store. */
export type SubscriptionSource = {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  loadCheckpoint(subscriber: string): Promise<number | null>;
  saveCheckpoint(subscriber: string, position: number): Promise<void>;
  /** Events after the position (exact, or a lower bound where counting is costly). */
  countAfter(position: number | null): Promise<number>;
};

export type SubscriptionTiming = {
  /** Pause between polls once caught up. */
  pollIntervalMs: number;
  /** First pause after a failure; doubles per consecutive failure up to `retryMaxMs`. */
  retryInitialMs: number;
  retryMaxMs: number;
  batchSize: number;
};

export const DEFAULT_SUBSCRIPTION_TIMING: SubscriptionTiming = {
  pollIntervalMs: 200,
  retryInitialMs: 200,
  retryMaxMs: 10_000,
  batchSize: 500,
};

export function backoffDelay(timing: SubscriptionTiming, failures: number): number {
  return Math.min(timing.retryMaxMs, timing.retryInitialMs * 2 ** Math.max(0, failures - 1));
}

/** A pause that `wake()` cuts short (so `stop()` never waits out a poll interval). */
export class Pause {
  private wakeUp: (() => void) | null = null;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), ms);
      timer.unref();
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }
}

/**
 * A catch-up subscription by polling `readAll` from a durable checkpoint: delivers in global
 * order, at least once (the checkpoint moves only after the handler resolves, and with `flush`
 * once per batch after the flush resolves), and after any
 * failure (store unreachable, handler throws) pauses with exponential backoff, then resumes
 * from the stored checkpoint. Do not await `stop()` inside the handler: stop waits for it.
 */
export function startPollingSubscription(
  source: SubscriptionSource,
  options: SubscribeOptions,
  timing: SubscriptionTiming = DEFAULT_SUBSCRIPTION_TIMING,
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

  async function pollOnce(): Promise<boolean> {
    const from = state.checkpoint ?? undefined;
    const batch = await source.readAll({ fromPosition: from, maxCount: timing.batchSize });
    if (batch.length === 0) {
      Object.assign(state, { caughtUp: true, lag: 0 });
      return false;
    }
    state.caughtUp = false;
    state.lag = Math.max(batch.length, await source.countAfter(state.checkpoint));
    if (options.flush) {
      await deliverBatch(batch, options.flush);
      return true;
    }
    for (const event of batch) {
      if (stopping) break;
      await options.handler(event);
      await source.saveCheckpoint(options.subscriber, event.globalPosition);
      state.checkpoint = event.globalPosition;
      state.lag = Math.max(0, state.lag - 1);
    }
    return true;
  }

  /** Handler per event, one flush, then one checkpoint for the whole batch. */
  async function deliverBatch(batch: RecordedEvent[], flush: () => Promise<void>): Promise<void> {
    let handled = 0;
    for (const event of batch) {
      if (stopping) break;
      await options.handler(event);
      handled += 1;
    }
    if (handled === 0) return;
    await flush();
    const last = batch[handled - 1]!.globalPosition;
    await source.saveCheckpoint(options.subscriber, last);
    state.checkpoint = last;
    state.lag = Math.max(0, state.lag - handled);
  }

  async function run(): Promise<void> {
    let failures = 0;
    let loaded = false;
    while (!stopping) {
      try {
        if (!loaded) state.checkpoint = await source.loadCheckpoint(options.subscriber);
        loaded = true;
        const hadEvents = await pollOnce();
        failures = 0;
        delete state.lastError;
        if (!hadEvents && !stopping) await pause.wait(timing.pollIntervalMs);
      } catch (error) {
        failures += 1;
        loaded = false; // resume from what is durably stored, not from memory
        state.caughtUp = false;
        state.lastError = error instanceof Error ? error.message : String(error);
        const delay = backoffDelay(timing, failures);
        logger.warn(`failed (${failures} in a row), retrying in ${delay} ms: ${state.lastError}`);
        if (!stopping) await pause.wait(delay);
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
      await done;
    },
  };
}
