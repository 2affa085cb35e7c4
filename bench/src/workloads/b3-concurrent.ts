import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@jejak/event-store';
import type { JptpCommand } from '@jejak/workflows';
import { openPostgresStore, storedEventsOf } from '../datasets.js';
import { pooled, settle, trial, type Trial } from '../harness/measure.js';
import { fmt, rateP99Miss } from '../harness/stats.js';
import type { BenchContext, Check, Workload } from '../harness/types.js';
import { emmettAppender, jejakWriter, openEmmett, rawCommandStore } from '../peers.js';
import { eventsOf, referenceSelection } from '../scenario.js';

const RAW_RATIO = 0.5;
const EMMETT_RATIO = 1.0;
const THROUGHPUT_TARGET = 1_600;
const P99_TARGET_MS = 40;
const COLLAPSE = 0.8;

type Level = {
  concurrency: number;
  jejak: ReturnType<typeof pooled>;
  raw: ReturnType<typeof pooled>;
  emmett: ReturnType<typeof pooled>;
};

/** Each writer drives its own selection through its commands; a finished one starts anew. */
function selectionDriver(commands: readonly JptpCommand[]) {
  let selectionId = randomUUID();
  let next = 0;
  return () => {
    if (next === commands.length) {
      selectionId = randomUUID();
      next = 0;
    }
    return { selectionId, command: commands[next++]! };
  };
}

/** Each writer appends the selection's events to its own stream, one command's worth at a time. */
function streamDriver(events: readonly NewEvent[]) {
  let streamId = `selection-${randomUUID()}`;
  let next = 0;
  return () => {
    if (next === events.length) {
      streamId = `selection-${randomUUID()}`;
      next = 0;
    }
    return { streamId, event: events[next++]! };
  };
}

async function trials(context: BenchContext, run: () => Promise<Trial>): Promise<Trial[]> {
  const results: Trial[] = [];
  for (let i = 0; i < context.repetitions; i++) {
    const result = await run();
    if (result.failed > 0 && result.completed === 0) {
      throw new Error(`every operation failed: ${JSON.stringify(result.errors)}`);
    }
    results.push(result);
    await settle();
  }
  return results;
}

/** B3: many selections at once through handleCommand, vs raw pg and Emmett at the same concurrency. */
export const b3: Workload = {
  id: 'B3',
  title: '32 selections driven concurrently (then 128)',
  target:
    '>= 0.5x raw pg and >= 1.0x Emmett at the same concurrency; >= 1,600 commands/s, p99 <= 40 ms on PostgreSQL; no collapse at 128',
  async run(context) {
    const { quick, log } = context;
    const levels = quick ? [32] : [32, 128];
    const windowMs = quick ? 150 : 1_000;
    const selection = referenceSelection(2, 4);
    const events = storedEventsOf(selection.commands, eventsOf(selection.commands));
    const url = await context.database('main');
    const store = await openPostgresStore(url, 'b3');
    const raw = await rawCommandStore(url, 'b3_raw');
    const emmett = openEmmett(context, await context.database('emmett'));
    context.onCleanup(async () => {
      await store.close();
      await raw.close();
      await emmett.close();
    });
    const emmettAppend = emmettAppender(emmett);
    const append = (streamId: string, event: NewEvent) => emmettAppend(streamId, [event]);
    const rawCommand = (streamId: string, event: NewEvent) => raw.command(streamId, [event]);

    const write = jejakWriter(store);
    const jejakTrial = (concurrency: number, ms: number) => {
      const writers = Array.from({ length: concurrency }, () => ({
        next: selectionDriver(selection.commands),
      }));
      return trial({
        concurrency,
        windowMs: ms,
        operation: async (i) => {
          const { next } = writers[i]!;
          const { selectionId, command } = next();
          await write(selectionId, command);
        },
      });
    };
    const streamTrial = (
      concurrency: number,
      ms: number,
      op: (streamId: string, event: NewEvent) => Promise<void>,
    ) => {
      const drivers = Array.from({ length: concurrency }, () => streamDriver(events));
      return trial({
        concurrency,
        windowMs: ms,
        operation: async (i) => {
          const { streamId, event } = drivers[i]!();
          await op(streamId, event);
        },
      });
    };

    // Warm-up: a short window of each.
    await jejakTrial(levels[0]!, windowMs / 2);
    await streamTrial(levels[0]!, windowMs / 2, rawCommand);
    await streamTrial(levels[0]!, windowMs / 2, append);

    const results: Level[] = [];
    for (const concurrency of levels) {
      const jejak = pooled(await trials(context, () => jejakTrial(concurrency, windowMs)));
      const rawRuns = pooled(
        await trials(context, () => streamTrial(concurrency, windowMs, rawCommand)),
      );
      const emmettRuns = pooled(
        await trials(context, () => streamTrial(concurrency, windowMs, append)),
      );
      results.push({ concurrency, jejak, raw: rawRuns, emmett: emmettRuns });
      log(
        `B3 @${concurrency}: jejak ${fmt(jejak.throughput.median)}/s p99 ${fmt(jejak.latency.p99)} ms (${jejak.failed} failed); raw ${fmt(rawRuns.throughput.median)}/s; Emmett ${fmt(emmettRuns.throughput.median)}/s`,
      );
    }

    const remedy =
      'Already in place: decisions on the cached fold (no read before or after the append), one writer per selection, and group commit in the store (appends that arrive while others are in flight go to the database as one statement, one transaction). ' +
      'What remains: jejak_append holds the per-schema advisory lock until commit (what keeps $all in commit order), so append transactions commit one at a time, while raw pg and Emmett commit in parallel and PostgreSQL groups their WAL flushes; and deciding, hashing and folding share the one Node process. Closing it: a commit-order-safe $all without one global lock (e.g. a transaction-id watermark in the reader), then more than one API process (stateless; the expected revision keeps appends safe).';
    const checks: Check[] = [];
    for (const level of results) {
      const { concurrency: c, jejak, raw: r, emmett: e } = level;
      const rawRatio = jejak.throughput.median / r.throughput.median;
      const emmettRatio = jejak.throughput.median / e.throughput.median;
      checks.push(
        {
          what: `${c} selections: throughput vs raw pg command-shaped work`,
          target: `>= ${RAW_RATIO}x raw pg`,
          measured: `${fmt(jejak.throughput.median)} vs ${fmt(r.throughput.median)} commands/s`,
          ratio: { value: rawRatio, peer: 'of raw pg' },
          pass: rawRatio >= RAW_RATIO,
          miss:
            rawRatio >= RAW_RATIO ? undefined : `${fmt(RAW_RATIO / rawRatio)}x short. ${remedy}`,
        },
        {
          what: `${c} selections: throughput vs Emmett append`,
          target: `>= ${EMMETT_RATIO}x Emmett`,
          measured: `${fmt(jejak.throughput.median)} vs ${fmt(e.throughput.median)} commands/s`,
          ratio: { value: emmettRatio, peer: 'of Emmett' },
          pass: emmettRatio >= EMMETT_RATIO,
          miss:
            emmettRatio >= EMMETT_RATIO
              ? undefined
              : `${fmt(EMMETT_RATIO / emmettRatio)}x short. ${remedy}`,
        },
      );
      if (c === 32) {
        const ok =
          jejak.throughput.median >= THROUGHPUT_TARGET && jejak.latency.p99 <= P99_TARGET_MS;
        checks.push({
          what: '32 selections: absolute throughput and p99 on PostgreSQL',
          target: `>= ${fmt(THROUGHPUT_TARGET)} commands/s, p99 <= ${P99_TARGET_MS} ms`,
          measured: `${fmt(jejak.throughput.median)} commands/s (min ${fmt(jejak.throughput.min)}, max ${fmt(jejak.throughput.max)}), p50 ${fmt(jejak.latency.p50)} ms, p99 ${fmt(jejak.latency.p99)} ms`,
          pass: ok,
          miss: ok
            ? undefined
            : `${rateP99Miss(jejak.throughput.median, THROUGHPUT_TARGET, jejak.latency.p99, P99_TARGET_MS, 'the throughput')}. ${remedy}`,
        });
      }
    }
    const at32 = results.find((l) => l.concurrency === 32);
    const at128 = results.find((l) => l.concurrency === 128);
    if (at32 && at128) {
      const kept = at128.jejak.throughput.median / at32.jejak.throughput.median;
      const ok = kept >= COLLAPSE && at128.jejak.failed === 0;
      checks.push({
        what: '128 selections: no collapse',
        target: `throughput >= ${COLLAPSE}x of 32's, no failed command`,
        measured: `${fmt(at128.jejak.throughput.median)} commands/s (${fmt(kept)}x of 32's), p99 ${fmt(at128.jejak.latency.p99)} ms, ${at128.jejak.failed} failed ${JSON.stringify(at128.jejak.errors)}`,
        ratio: { value: kept, peer: "of jejak's own at 32" },
        pass: ok,
        miss: ok ? undefined : `throughput fell to ${fmt(kept)}x or commands failed. ${remedy}`,
      });
    } else {
      checks.push({
        what: '128 selections: no collapse',
        target: `throughput >= ${COLLAPSE}x of 32's, no failed command`,
        measured: 'not run in quick mode',
        pass: null,
      });
    }
    const data: Record<string, Record<string, unknown>> = {};
    for (const level of results) {
      data[`c${level.concurrency}`] = {
        jejakThroughput: level.jejak.throughput,
        jejakLatencyMs: level.jejak.latency,
        jejakFailed: level.jejak.failed,
        jejakErrors: level.jejak.errors,
        rawThroughput: level.raw.throughput,
        rawLatencyMs: level.raw.latency,
        emmettThroughput: level.emmett.throughput,
        emmettLatencyMs: level.emmett.latency,
      };
    }
    return {
      status: 'measured',
      checks,
      notes: [
        `Each of the N writers drives its own selection (the 2-post x 4-applicant selection, ${selection.commands.length} commands) through handleCommand on jejak's PostgreSQL store (pool of 10), starting a new one when it finishes; ${context.repetitions} windows of ${fmt(windowMs / 1000)} s per system and concurrency after a warm-up window; throughput is the median over the windows, latencies are pooled.`,
        'Raw pg: per command, SELECT of the stream head then INSERT of the event at the next revision (unique (stream_id, revision)), pool of 10. Emmett: appendToStream with the expected version, its default pool. Both write the same events (data and decision metadata) to one stream per writer.',
        ...(quick ? ['Quick mode: 32 writers only.'] : []),
      ],
      data,
    };
  },
};
