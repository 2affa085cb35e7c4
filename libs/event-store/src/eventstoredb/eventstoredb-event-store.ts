import { randomUUID } from 'node:crypto';
import { EventStoreClosedError } from '../event-store.errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  VerifiedStream,
  VerifyResult,
} from '../event-store.port.js';
import { ANY } from '../event-store.port.js';
import { verifyChain } from '../hash-chain.js';
import { prepareEvents } from '../prepare-events.js';
import { checkExpectedRevision, planRows } from '../sql/append-plan.js';
import type { StreamHead } from '../sql/sql-driver.js';
import {
  DEFAULT_SUBSCRIPTION_TIMING,
  type SubscriptionTiming,
} from '../subscription/polling-subscription.js';
import {
  assertExpectedRevision,
  assertReadAllOptions,
  assertReadStreamOptions,
  assertStreamId,
} from '../validation.js';
import type { EsdbClient, EsdbEvent, EsdbPosition } from './esdb-client.port.js';
import { EsdbWrongRevision } from './esdb-client.port.js';
import { translateEsdbError } from './esdb-errors.js';
import { isAfter, toChainRow, toEsdbEvent, toRecorded } from './esdb-events.js';
import { startEsdbSubscription, type CheckpointStore } from './esdb-subscription.js';
import { withTimeout } from './with-timeout.js';

export type EventStoreDbOptions = {
  /** Deadline for every client call (the client can hang on a silent endpoint). */
  timeoutMs?: number;
  clock?: () => Date;
  subscriptions?: Partial<SubscriptionTiming>;
};

/** Our streams (see validation.ts); checkpoint streams use another prefix so $all filters skip them. */
const OUR_PREFIXES = ['selection-', 'audit-', 'system-'];
const CHECKPOINT_PREFIX = 'jejak-checkpoint-';
const PAGE = 500;
const MAX_PREPARE = 2n ** 63n - 1n;
const MAX_APPEND_ATTEMPTS = 100;

function isOurs(event: EsdbEvent): boolean {
  return OUR_PREFIXES.some((prefix) => event.streamId.startsWith(prefix));
}

/**
 * The EventStoreDB / KurrentDB adapter. The client sits behind `EsdbClient` (swappable), every
 * call has our deadline, and driver errors become ours. Hash chain as in the SQL adapters: the
 * event data is the exact canonical envelope; `prevHash`/`hash` go in the event metadata.
 * Global positions are the server's commit positions (not dense: gaps are normal).
 * Read models are not kept here: `createStores` pairs this store with a SQL read-model store.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly timeoutMs: number;
  private readonly clock: () => Date;
  private readonly timing: SubscriptionTiming;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(
    private readonly client: EsdbClient,
    options: EventStoreDbOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.clock = options.clock ?? (() => new Date());
    this.timing = { ...DEFAULT_SUBSCRIPTION_TIMING, ...options.subscriptions };
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? ANY;
    assertStreamId(streamId);
    assertExpectedRevision(expected);
    const prepared = prepareEvents(events);
    const recordedAt = this.clock().toISOString();
    let head = await this.head(streamId);
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt += 1) {
      checkExpectedRevision(streamId, expected, head);
      const rows = planRows(streamId, prepared, head, recordedAt);
      const payload = rows.map((row, i) => toEsdbEvent(row, prepared[i]!.metadata));
      try {
        const result = await this.call('append', () =>
          this.client.append(streamId, payload, head ? head.revision : 'no_stream'),
        );
        return {
          nextExpectedRevision: result.nextExpectedRevision,
          position: Number(result.position?.commit ?? -1),
          // The server stamps the time and the positions: read exactly these events back.
          events: await this.readStream(streamId, {
            fromRevision: rows[0]!.revision,
            maxCount: rows.length,
          }),
        };
      } catch (error) {
        if (!(error instanceof EsdbWrongRevision)) throw error;
        head = await this.head(streamId);
      }
    }
    throw translateEsdbError(
      new Error(`append to ${streamId} lost ${MAX_APPEND_ATTEMPTS} races in a row`),
    );
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    assertReadStreamOptions(options);
    const events = await this.call('readStream', () =>
      this.client.readStream(streamId, {
        direction: options.direction ?? 'forwards',
        ...(options.fromRevision === undefined ? {} : { fromRevision: options.fromRevision }),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      }),
    );
    return events.map(toRecorded);
  }

  /** Pages through $all from the position (exclusive), keeping our streams only. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    assertReadAllOptions(options);
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const start = options.fromPosition === undefined ? null : BigInt(options.fromPosition);
    let from: EsdbPosition | 'start' = start === null ? 'start' : { commit: start, prepare: start };
    // A numeric position is a commit position: everything committed at it counts as seen.
    let seen: EsdbPosition | null = start === null ? null : { commit: start, prepare: MAX_PREPARE };
    const found: RecordedEvent[] = [];
    while (found.length < limit) {
      // Reading from a position includes the event at it: `seen` skips page boundaries.
      const page = await this.call('readAll', () => this.client.readAll(from, PAGE));
      const fresh = page.filter((event) => event.position && isAfter(event.position, seen));
      for (const event of fresh)
        if (found.length < limit && isOurs(event)) found.push(toRecorded(event));
      const last = fresh[fresh.length - 1]?.position;
      if (page.length < PAGE || !last) break;
      seen = last;
      from = last;
    }
    return found;
  }

  async streamRevision(streamId: string): Promise<number | null> {
    assertStreamId(streamId);
    return (await this.head(streamId))?.revision ?? null;
  }

  /** EventStoreDB has no secondary index: reads the stream and filters (streams are short). */
  async findByIdempotencyKey(streamId: string, key: string): Promise<RecordedEvent[]> {
    const events = await this.readStream(streamId);
    return events.filter((event) => event.metadata['idempotencyKey'] === key);
  }

  /** A full $all scan: meant for audits, not hot paths. */
  async listStreams(): Promise<string[]> {
    const streams = new Set<string>();
    for (const event of await this.readAll()) streams.add(event.streamId);
    return [...streams];
  }

  async verifyStream(streamId: string): Promise<VerifyResult> {
    assertStreamId(streamId);
    const events = await this.call('readStream', () =>
      this.client.readStream(streamId, { direction: 'forwards' }),
    );
    return { streamId, ...verifyChain(events.map(toChainRow)) };
  }

  async readVerifiedStream(streamId: string): Promise<VerifiedStream> {
    assertStreamId(streamId);
    const events = await this.call('readStream', () =>
      this.client.readStream(streamId, { direction: 'forwards' }),
    );
    const verification: VerifyResult = { streamId, ...verifyChain(events.map(toChainRow)) };
    return { verification, events: verification.ok ? events.map(toRecorded) : [] };
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    if (this.closed) throw new EventStoreClosedError();
    const subscription = startEsdbSubscription(
      this.client,
      this.checkpoints(),
      OUR_PREFIXES,
      options,
      this.timing,
    );
    this.subscriptions.add(subscription);
    return {
      status: () => subscription.status(),
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await withTimeout('dispose', this.timeoutMs, () => this.client.dispose()).catch(
      () => undefined,
    );
  }

  private checkpoints(): CheckpointStore {
    return {
      load: async (subscriber) => {
        const [last] = await this.call('loadCheckpoint', () =>
          this.client.readStream(CHECKPOINT_PREFIX + subscriber, {
            direction: 'backwards',
            maxCount: 1,
          }),
        );
        if (!last) return null;
        const saved = JSON.parse(new TextDecoder().decode(last.data)) as {
          commit: string;
          prepare: string;
        };
        return { commit: BigInt(saved.commit), prepare: BigInt(saved.prepare) };
      },
      save: async (subscriber, position) => {
        const streamId = CHECKPOINT_PREFIX + subscriber;
        const data = JSON.stringify({
          commit: String(position.commit),
          prepare: String(position.prepare),
        });
        const result = await this.call('saveCheckpoint', () =>
          this.client.append(
            streamId,
            [
              {
                id: randomUUID(),
                type: 'CheckpointStored',
                data: new TextEncoder().encode(data),
                metadata: {},
              },
            ],
            'any',
          ),
        );
        // Keep the checkpoint stream short: only the latest few positions matter.
        if (result.nextExpectedRevision === 0) {
          await this.call('setMaxCount', () => this.client.setMaxCount(streamId, 5));
        }
      },
    };
  }

  private async head(streamId: string): Promise<StreamHead | null> {
    const [last] = await this.call('readStream', () =>
      this.client.readStream(streamId, { direction: 'backwards', maxCount: 1 }),
    );
    return last ? { revision: last.revision, hash: toChainRow(last).hash } : null;
  }

  private async call<T>(operation: string, call: () => Promise<T>): Promise<T> {
    if (this.closed) throw new EventStoreClosedError();
    try {
      return await withTimeout(operation, this.timeoutMs, call);
    } catch (error) {
      if (error instanceof EsdbWrongRevision) throw error;
      throw translateEsdbError(error);
    }
  }
}
