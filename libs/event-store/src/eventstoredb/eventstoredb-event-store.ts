import { randomUUID } from 'node:crypto';
import {
  EventStoreClosedError,
  EventStoreUnavailableError,
  InvalidArgumentError,
  InvalidEventError,
} from '../event-store.errors.js';
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
import type {
  EsdbCallOptions,
  EsdbClient,
  EsdbEvent,
  EsdbNewEvent,
  EsdbPosition,
} from './esdb-client.port.js';
import { EsdbAppendTooLarge, EsdbInvalidPosition, EsdbWrongRevision } from './esdb-client.port.js';
import { translateEsdbError } from './esdb-errors.js';
import { appendSize, toChainRow, toEsdbEvent, toRecorded } from './esdb-events.js';
import { startEsdbSubscription, type CheckpointStore } from './esdb-subscription.js';
import { withTimeout } from './with-timeout.js';

export type EventStoreDbOptions = {
  /** Deadline for every client call (the client can hang on a silent endpoint). */
  timeoutMs?: number;
  clock?: () => Date;
  subscriptions?: Partial<SubscriptionTiming>;
  /**
   * The most one append may carry, in the server's measure (data + metadata + 2 x type per
   * event). Default 1 MiB: `MaxAppendSize`'s default in EventStoreDB and KurrentDB up to 25.0
   * (25.1 raised it); set it to the server's `--max-append-size` when that is lower.
   */
  maxAppendBytes?: number;
};

export const DEFAULT_MAX_APPEND_BYTES = 1_024 * 1_024;

/** Our streams (see validation.ts); checkpoint streams use another prefix so $all filters skip them. */
const OUR_PREFIXES = ['selection-', 'audit-', 'system-'];
const CHECKPOINT_PREFIX = 'jejak-checkpoint-';
const PAGE = 500;
const MAX_APPEND_ATTEMPTS = 100;
/** Resends of an append that timed out: same event ids, same revision, so the server's idempotency applies. */
const TIMEOUT_RESENDS = 1;
const CHECKPOINT_MAX_COUNT = 5;

function isOurs(event: EsdbEvent): boolean {
  return OUR_PREFIXES.some((prefix) => event.streamId.startsWith(prefix));
}

/**
 * The EventStoreDB / KurrentDB adapter. The client sits behind `EsdbClient` (swappable), every
 * call has our deadline, and driver errors become ours. Hash chain as in the SQL adapters: the
 * event data is the exact canonical envelope; `prevHash`/`hash` go in the event metadata.
 * Global positions are the server's log positions (byte offsets of each event's record, commit =
 * prepare): strictly increasing, with gaps, and only meaningful when passed back as returned.
 * Read models are not kept here: `createStores` pairs this store with a SQL read-model store.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly timeoutMs: number;
  private readonly clock: () => Date;
  private readonly timing: SubscriptionTiming;
  private readonly subscriptions = new Set<Subscription>();
  private readonly maxAppendBytes: number;
  /** Checkpoint streams whose `$maxCount` this instance has set. */
  private readonly boundedCheckpoints = new Set<string>();
  private closed = false;

  constructor(
    private readonly client: EsdbClient,
    options: EventStoreDbOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.clock = options.clock ?? (() => new Date());
    this.timing = { ...DEFAULT_SUBSCRIPTION_TIMING, ...options.subscriptions };
    this.maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
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
      const payload = rows.map((row) => toEsdbEvent(row));
      this.checkAppendSize(payload);
      try {
        const result = await this.sendAppend(streamId, payload, head ? head.revision : 'no_stream');
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

  /** The server would refuse the whole append (MaxAppendSize): refuse it first, in our words. */
  private checkAppendSize(payload: readonly EsdbNewEvent[]): void {
    const size = appendSize(payload);
    if (size > this.maxAppendBytes) throw this.appendTooLarge(size, this.maxAppendBytes);
  }

  private appendTooLarge(size: number | null, limit: number): InvalidEventError {
    const bytes = (n: number) => n.toLocaleString('en-US');
    return new InvalidEventError(
      null,
      `the append is ${size === null ? 'too large' : `${bytes(size)} bytes`} (data, metadata and type of its events together); EventStoreDB accepts at most ${bytes(limit)} bytes in one append: split it into smaller appends`,
    );
  }

  /**
   * Sends an append; when it times out, sends it again with the same event ids at the same
   * revision: if the first one was written after all, the server answers the second as
   * idempotent (IndexWriter.CheckCommit) instead of writing the events twice.
   */
  private async sendAppend(
    streamId: string,
    payload: EsdbNewEvent[],
    expected: number | 'no_stream',
  ): Promise<{ nextExpectedRevision: number; position: EsdbPosition | null }> {
    for (let resend = 0; ; resend += 1) {
      try {
        return await this.call('append', (call) =>
          this.client.append(streamId, payload, expected, call),
        );
      } catch (error) {
        if (error instanceof EsdbAppendTooLarge)
          throw this.appendTooLarge(
            appendSize(payload),
            error.maxAppendSize ?? this.maxAppendBytes,
          );
        if (!(error instanceof EventStoreUnavailableError) || resend >= TIMEOUT_RESENDS)
          throw error;
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    assertReadStreamOptions(options);
    const events = await this.call('readStream', (call) =>
      this.client.readStream(
        streamId,
        {
          direction: options.direction ?? 'forwards',
          ...(options.fromRevision === undefined ? {} : { fromRevision: options.fromRevision }),
          ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
        },
        call,
      ),
    );
    return events.map(toRecorded);
  }

  /**
   * Pages through $all from the position (exclusive), keeping our streams only. Pages follow the
   * log by position, system records included: a page with few of our events is not the end.
   * Positions are the server's byte offsets, used as opaque tokens: one the store did not return
   * (arithmetic on positions, a checkpoint from a SQL store) is refused as an invalid argument.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    assertReadAllOptions(options);
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const start = options.fromPosition ? BigInt(options.fromPosition) : null;
    let from: EsdbPosition | 'start' = start === null ? 'start' : { commit: start, prepare: start };
    // Reading from a position includes the record at it: everything up to `seen` was returned.
    let seen: bigint | null = start;
    const found: RecordedEvent[] = [];
    while (found.length < limit) {
      const page = await this.call('readAll', (call) =>
        this.client.readAll(from, PAGE, call),
      ).catch((error: unknown) => {
        if (!(error instanceof EsdbInvalidPosition)) throw error;
        throw new InvalidArgumentError(
          `fromPosition ${options.fromPosition} is not a position of this EventStoreDB store: pass back only a globalPosition it returned (positions are offsets in its log, not counters)`,
        );
      });
      for (const event of page.events) {
        if (found.length >= limit) break;
        if (seen !== null && event.position && event.position.commit <= seen) continue;
        if (isOurs(event)) found.push(toRecorded(event));
      }
      if (page.read < PAGE || !page.last) break;
      from = page.last;
      seen = page.last.commit;
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
    const events = await this.call('readStream', (call) =>
      this.client.readStream(streamId, { direction: 'forwards' }, call),
    );
    return { streamId, ...verifyChain(events.map(toChainRow)) };
  }

  async readVerifiedStream(streamId: string): Promise<VerifiedStream> {
    assertStreamId(streamId);
    const events = await this.call('readStream', (call) =>
      this.client.readStream(streamId, { direction: 'forwards' }, call),
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
        const [last] = await this.call('loadCheckpoint', (call) =>
          this.client.readStream(
            CHECKPOINT_PREFIX + subscriber,
            { direction: 'backwards', maxCount: 1 },
            call,
          ),
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
        const event = {
          id: randomUUID(),
          type: 'CheckpointStored',
          data: new TextEncoder().encode(data),
          metadata: {},
        };
        await this.sendAppendAny(streamId, event);
        // Only the newest checkpoint matters: bound the stream, once per stream and instance
        // (not only on its first write, so a failed attempt or an older stream gets it too).
        if (!this.boundedCheckpoints.has(streamId)) {
          await this.call('setMaxCount', (call) =>
            this.client.setMaxCount(streamId, CHECKPOINT_MAX_COUNT, call),
          );
          this.boundedCheckpoints.add(streamId);
        }
      },
    };
  }

  private async sendAppendAny(streamId: string, event: EsdbNewEvent): Promise<void> {
    await this.call('saveCheckpoint', (call) => this.client.append(streamId, [event], 'any', call));
  }

  private async head(streamId: string): Promise<StreamHead | null> {
    const [last] = await this.call('readStream', (call) =>
      this.client.readStream(streamId, { direction: 'backwards', maxCount: 1 }, call),
    );
    return last ? { revision: last.revision, hash: toChainRow(last).hash } : null;
  }

  /**
   * Every client call runs under our deadline; when it passes, the call is cancelled (reads stop
   * streaming, an append carries the same deadline to the server) and the caller gets our
   * unavailable error.
   */
  private async call<T>(
    operation: string,
    call: (options: EsdbCallOptions) => Promise<T>,
  ): Promise<T> {
    if (this.closed) throw new EventStoreClosedError();
    const controller = new AbortController();
    try {
      return await withTimeout(
        operation,
        this.timeoutMs,
        () => call({ deadlineMs: this.timeoutMs, signal: controller.signal }),
        () => controller.abort(),
      );
    } catch (error) {
      if (
        error instanceof EsdbWrongRevision ||
        error instanceof EsdbInvalidPosition ||
        error instanceof EsdbAppendTooLarge
      )
        throw error;
      throw translateEsdbError(error);
    }
  }
}
