import { randomUUID } from 'node:crypto';
import type { SQL } from '@event-driven-io/dumbo';
import {
  postgreSQLRawBatchSQLProjection,
  rebuildPostgreSQLProjections,
} from '@event-driven-io/emmett-postgresql';
import type { EventStore, RecordedEvent } from '@jejak/event-store';
import {
  evolveSummary,
  SELECTION_SUMMARIES,
  selectionSummaryProjector,
  type SelectionSummaryView,
  type SummaryState,
} from '@jejak/selections';
import { jptpOpenSelection, procedures } from '@jejak/workflows';
import pg from 'pg';
import { openPostgresStore, storedEventsOf } from '../datasets.js';
import { eventLog } from '../event-log.js';
import { now, settle, trial } from '../harness/measure.js';
import { fmt, summarize } from '../harness/stats.js';
import type { Check, Workload } from '../harness/types.js';
import { emmettAppender, jejakWriter, openEmmett } from '../peers.js';
import { referenceSelection, referenceWithEvents } from '../scenario.js';

const RATE_TARGET = 20_000;
const EMMETT_RATIO = 1.0;

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** B6: rebuild the selection summaries from the log; Emmett's rebuild of the same work. */
export const b6: Workload = {
  id: 'B6',
  title: 'rebuild the read models from 1,000,000 events',
  target:
    ">= 20,000 events/s on PostgreSQL and >= 1.0x Emmett's projection rebuild; 0 skipped under concurrent writers",
  async run(context) {
    const { quick, repetitions, log } = context;
    const windowMs = quick ? 150 : 1_500;
    const writersMs = quick ? 300 : 2_000;
    const batchSize = quick ? 100 : 500;
    const events = await eventLog(context);
    const { store } = events;

    // jejak: the summaries projector's own rebuild (clear, then readAll in batches through
    // apply), time-boxed: after the window its readAll answers "no more", so it stops cleanly.
    const jejakRebuild = async () => {
      let processed = 0;
      const deadline = now() + windowMs;
      const boxed: Pick<EventStore, 'readStream' | 'readAll' | 'subscribeToAll'> = {
        readStream: (id, o) => store.readStream(id, o),
        subscribeToAll: (o) => store.subscribeToAll(o),
        readAll: async (o) => {
          if (now() > deadline) return [];
          const batch = await store.readAll(o);
          processed += batch.length;
          return batch;
        },
      };
      const t0 = now();
      await selectionSummaryProjector({
        eventStore: boxed,
        readModels: store.readModels,
        procedures,
      }).rebuild(batchSize);
      const elapsedMs = now() - t0;
      return {
        processed,
        elapsedMs,
        rate: (processed * 1000) / elapsedMs,
        complete: processed >= events.events,
      };
    };
    await jejakRebuild(); // warm-up
    const jejakRuns = [];
    for (let i = 0; i < repetitions; i++) {
      jejakRuns.push(await jejakRebuild());
      await settle();
    }
    const jejakRate = summarize(jejakRuns.map((r) => r.rate));
    log(
      `B6: jejak rebuild ${fmt(jejakRate.median)} events/s (${jejakRuns[0]!.processed} events per window)`,
    );

    // Emmett: the same summaries (jejak's pure evolveSummary) in Emmett's raw-SQL batch
    // projection, rebuilt by rebuildPostgreSQLProjections over Emmett's store, same window.
    const emmettUrl = await context.database('emmett');
    const emmett = openEmmett(context, emmettUrl);
    const sqlPool = new pg.Pool({ connectionString: emmettUrl, max: 2 });
    sqlPool.on('error', () => undefined);
    context.onCleanup(async () => {
      await emmett.close();
      await sqlPool.end();
    });
    const reference = await context.shared('reference', () =>
      Promise.resolve(referenceWithEvents()),
    );
    const stored = storedEventsOf(reference.commands, reference.events);
    // Enough for the windows: one reference selection, more only while the store (which also
    // holds what B2/B3 appended in this run) has fewer than `enough` events.
    const enough = quick ? 1_000 : 15_000;
    const append = emmettAppender(emmett);
    const count = async () =>
      Number(
        (await sqlPool.query<{ n: string }>('SELECT count(*) AS n FROM emt_messages')).rows[0]!.n,
      );
    const seedStart = now();
    let emmettStreams = 0;
    do {
      const stream = `selection-${randomUUID()}`;
      for (let from = 0; from < stored.length; from += 1_000)
        await append(stream, stored.slice(from, from + 1_000));
      emmettStreams++;
    } while ((await count()) < enough);
    const emmettSeedMs = now() - seedStart;
    const emmettEvents = await count();
    log(
      `B6: Emmett store holds ${emmettEvents} events (${emmettStreams} reference selections seeded in ${fmt(emmettSeedMs / 1000)} s)`,
    );
    await sqlPool.query(
      'CREATE TABLE IF NOT EXISTS bench_summaries (id text PRIMARY KEY, document jsonb NOT NULL)',
    );
    const types = [...new Set(reference.events.map((e) => e.type))];

    const emmettRebuild = async () => {
      await sqlPool.query('TRUNCATE bench_summaries');
      const states = new Map<string, SummaryState>();
      let processed = 0;
      const projection = postgreSQLRawBatchSQLProjection({
        name: `bench-summaries-${randomUUID()}`,
        canHandle: types,
        evolve: (batch) => {
          const touched = new Set<string>();
          for (const event of batch) {
            const meta = (
              event as unknown as { metadata: { streamName: string; streamPosition: bigint } }
            ).metadata;
            const recorded = {
              streamId: meta.streamName,
              revision: Number(meta.streamPosition) - 1,
              type: event.type,
              data: event.data,
              recordedAt: (event.data as { occurredAt: string }).occurredAt,
            } as unknown as RecordedEvent;
            const id = meta.streamName.slice('selection-'.length);
            states.set(id, evolveSummary(jptpOpenSelection, id, states.get(id) ?? null, recorded));
            touched.add(id);
          }
          processed += batch.length;
          return [...touched].map(
            (id) =>
              `INSERT INTO bench_summaries (id, document) VALUES (${literal(id)}, ${literal(JSON.stringify(states.get(id)!.view))}) ` +
              'ON CONFLICT (id) DO UPDATE SET document = excluded.document',
          ) as unknown as SQL[];
        },
      });
      const consumer = rebuildPostgreSQLProjections({
        connectionString: emmettUrl,
        projections: [projection],
        pulling: { batchSize },
      });
      const t0 = now();
      const timer = setTimeout(() => void consumer.stop(), windowMs);
      try {
        await consumer.start();
      } finally {
        clearTimeout(timer);
        await consumer.stop();
        await consumer.close();
      }
      const elapsedMs = now() - t0;
      return {
        processed,
        elapsedMs,
        rate: (processed * 1000) / elapsedMs,
        complete: processed >= emmettEvents,
      };
    };
    await emmettRebuild(); // warm-up
    const emmettRuns = [];
    for (let i = 0; i < repetitions; i++) {
      emmettRuns.push(await emmettRebuild());
      await settle();
    }
    const emmettRate = summarize(emmettRuns.map((r) => r.rate));
    log(
      `B6: Emmett rebuild ${fmt(emmettRate.median)} events/s (${emmettRuns[0]!.processed} events per window)`,
    );

    // Skips under concurrent writers: the live projector (subscription) while 16 writers drive
    // selections; afterwards every committed event must have reached it and every summary must
    // be at its stream's head.
    const live = await openPostgresStore(await context.database('main'), 'b6_live', 20);
    context.onCleanup(() => live.close());
    const seen = new Set<string>();
    const watched: Pick<EventStore, 'readStream' | 'readAll' | 'subscribeToAll'> = {
      readStream: (id, o) => live.readStream(id, o),
      readAll: (o) => live.readAll(o),
      subscribeToAll: (o) =>
        live.subscribeToAll({
          ...o,
          handler: async (event) => {
            seen.add(`${event.streamId}@${event.revision}`);
            await o.handler(event);
          },
        }),
    };
    const subscription = selectionSummaryProjector({
      eventStore: watched,
      readModels: live.readModels,
      procedures,
    }).subscribe();
    const small = referenceSelection(2, 4).commands;
    const write = jejakWriter(live);
    const writers = Array.from({ length: 16 }, () => ({ id: randomUUID(), next: 0 }));
    const writing = await trial({
      concurrency: writers.length,
      windowMs: writersMs,
      operation: async (i) => {
        const w = writers[i]!;
        if (w.next === small.length) {
          w.id = randomUUID();
          w.next = 0;
        }
        await write(w.id, small[w.next++]!);
      },
    });
    const all: RecordedEvent[] = [];
    for (let from = 0; ;) {
      const batch = await live.readAll({ fromPosition: from, maxCount: 1_000 });
      all.push(...batch);
      if (batch.length < 1_000) break;
      from = batch.at(-1)!.globalPosition;
    }
    const waitStart = now();
    while (now() - waitStart < 30_000) {
      const status = subscription.status();
      if (
        status.caughtUp &&
        status.lag === 0 &&
        all.every((e) => seen.has(`${e.streamId}@${e.revision}`))
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await subscription.stop();
    const skipped = all.filter((e) => !seen.has(`${e.streamId}@${e.revision}`)).length;
    const heads = new Map<string, number>();
    for (const e of all) heads.set(e.streamId, Math.max(heads.get(e.streamId) ?? -1, e.revision));
    let behind = 0;
    for (const [streamId, head] of heads) {
      const view = await live.readModels.get<SelectionSummaryView>(
        SELECTION_SUMMARIES,
        streamId.slice('selection-'.length),
      );
      if (!view || view.revision !== head) behind++;
    }
    log(
      `B6: live projector: ${all.length} events by ${writing.completed} commands, ${skipped} skipped, ${behind} summaries behind`,
    );

    const ratio = jejakRate.median / emmettRate.median;
    const full = jejakRuns.every((r) => r.complete);
    const projected = events.events / jejakRate.median;
    const remedy =
      'Already in place: the projector works a batch at a time (one fold per touched selection, one view per touched summary, one putMany guarded by revision, no per-event get) and a rebuild writes non-durably until its final durable write. ' +
      "What remains per event: the fold of each touched selection (B1: each application event copies the applications array) and parsing every event's canonical JSON in readAll (it needs data and metadata); the cheaper fold of B1 helps directly.";
    const checks: Check[] = [
      {
        what: `rebuild from the ${events.events.toLocaleString('en-US')}-event log on PostgreSQL`,
        target: `>= ${fmt(RATE_TARGET)} events/s`,
        measured: `${fmt(jejakRate.median)} events/s (min ${fmt(jejakRate.min)}, max ${fmt(jejakRate.max)})${full ? '' : `; ${fmt(windowMs / 1000)} s windows, the whole log would take ~${fmt(projected)} s at this rate`}`,
        pass: jejakRate.median >= RATE_TARGET,
        miss:
          jejakRate.median >= RATE_TARGET
            ? undefined
            : `${fmt(RATE_TARGET / jejakRate.median)}x short. ${remedy}`,
      },
      {
        what: "rebuild vs Emmett's projection rebuild (same summaries)",
        target: `>= ${EMMETT_RATIO}x Emmett`,
        measured: `${fmt(jejakRate.median)} vs ${fmt(emmettRate.median)} events/s`,
        ratio: { value: ratio, peer: 'of Emmett' },
        pass: ratio >= EMMETT_RATIO,
        miss:
          ratio >= EMMETT_RATIO
            ? undefined
            : `${fmt(EMMETT_RATIO / ratio)}x short: Emmett applies a batch of 500 in one transaction and writes each touched document once. ${remedy}`,
      },
      {
        what: 'live projection under 16 concurrent writers',
        target: '0 skipped',
        measured: `${skipped} of ${all.length.toLocaleString('en-US')} events skipped, ${behind} of ${heads.size} summaries behind their stream`,
        pass: skipped === 0 && behind === 0,
        miss:
          skipped === 0 && behind === 0
            ? undefined
            : 'events committed while others were in flight were never delivered (or the projector fell behind within 30 s): the subscription must only read positions below the oldest in-flight append (commit-order-safe $all reads).',
      },
    ];
    return {
      status: 'measured',
      checks,
      notes: [
        `jejak: selectionSummaryProjector(...).rebuild() (libs/selections) over the ${events.events.toLocaleString('en-US')}-event log of B10 (${events.streams.length} reference selections), batches of ${batchSize}, time-boxed to ${fmt(windowMs / 1000)} s per repetition (its readAll answers "no more" once the window has passed, so a repetition ends with the batch in progress), ${repetitions} repetitions after a warm-up; each starts from scratch (it clears the summaries).`,
        `Emmett: rebuildPostgreSQLProjections with a raw-SQL batch projection that computes the same summaries with jejak's pure evolveSummary and upserts each touched summary once per batch (batches of ${batchSize}, like jejak's), over ${emmettEvents.toLocaleString('en-US')} events in Emmett's store (${emmettStreams} reference selections appended 1,000 per append in ${fmt(emmettSeedMs / 1000)} s, plus the events B2/B3 appended there), same window and repetitions.`,
        `Skips: the live summaries projector (subscribeToAll, poll every 10 ms) while 16 writers drive 2-post x 4-applicant selections through handleCommand for ${fmt(writersMs / 1000)} s (${writing.completed} commands); then up to 30 s to catch up.`,
      ],
      data: {
        logEvents: events.events,
        jejakRate,
        jejakEventsPerWindow: summarize(jejakRuns.map((r) => r.processed)),
        emmettRate,
        emmettEventsPerWindow: summarize(emmettRuns.map((r) => r.processed)),
        emmettEvents,
        emmettSeedMs,
        liveEvents: all.length,
        skipped,
        summariesBehind: behind,
      },
    };
  },
};
