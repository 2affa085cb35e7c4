import { performance } from 'node:perf_hooks';
import { summarize, type Summary } from './stats.js';

export const now = (): number => performance.now();

/** Milliseconds `fn` takes. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = now();
  const value = await fn();
  return { ms: now() - start, value };
}

/**
 * Warm-up runs, then `repetitions` measured runs: the summary of their durations (ms). `fn` gets
 * the repetition index (negative for warm-ups). A budget cuts the measured runs short (at least
 * one is always measured) and says so.
 */
export async function repeat(options: {
  warmup?: number;
  repetitions: number;
  budgetMs?: number;
  fn: (index: number) => unknown;
}): Promise<{ summary: Summary; samples: number[]; cutShort: boolean }> {
  const { warmup = 1, repetitions, budgetMs = Infinity, fn } = options;
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  const started = now();
  for (let i = 0; i < repetitions; i++) {
    if (i > 0 && now() - started > budgetMs) break;
    const start = now();
    await fn(i);
    samples.push(now() - start);
  }
  return { summary: summarize(samples), samples, cutShort: samples.length < repetitions };
}

export type Trial = {
  /** Completed operations per second over the trial. */
  throughput: number;
  completed: number;
  failed: number;
  elapsedMs: number;
  latency: Summary;
  latencies: number[];
  errors: Record<string, number>;
};

/**
 * `concurrency` workers call `operation(worker)` back to back until `stop` says so (after each
 * operation) or the time window closes. Latency per operation, throughput over the window.
 */
export async function trial(options: {
  concurrency: number;
  windowMs: number;
  /** Stop early, e.g. when every worker has run out of work (return false from `operation`). */
  operation: (worker: number) => Promise<boolean | void>;
}): Promise<Trial> {
  const { concurrency, windowMs, operation } = options;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let failed = 0;
  const start = now();
  const deadline = start + windowMs;
  const worker = async (index: number) => {
    while (now() < deadline) {
      const t0 = now();
      try {
        const more = await operation(index);
        latencies.push(now() - t0);
        if (more === false) return;
      } catch (error) {
        failed++;
        const code = (error as { code?: string }).code ?? (error as Error).name ?? 'Error';
        errors[code] = (errors[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  const elapsedMs = now() - start;
  return {
    throughput: (latencies.length * 1000) / elapsedMs,
    completed: latencies.length,
    failed,
    elapsedMs,
    latency: summarize(latencies),
    latencies,
    errors,
  };
}

/** Median of several trials' throughput, and the latency of all their operations pooled. */
export function pooled(trials: readonly Trial[]): {
  throughput: Summary;
  latency: Summary;
  completed: number;
  failed: number;
  errors: Record<string, number>;
} {
  const errors: Record<string, number> = {};
  for (const t of trials)
    for (const [k, v] of Object.entries(t.errors)) errors[k] = (errors[k] ?? 0) + v;
  return {
    throughput: summarize(trials.map((t) => t.throughput)),
    latency: summarize(trials.flatMap((t) => t.latencies)),
    completed: trials.reduce((sum, t) => sum + t.completed, 0),
    failed: trials.reduce((sum, t) => sum + t.failed, 0),
    errors,
  };
}

/** Lets timers, I/O callbacks and GC breathe between measured runs. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
