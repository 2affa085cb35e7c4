import { EventStoreClosedError, EventStoreError } from '../event-store.errors.js';
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
import {
  DEFAULT_SUBSCRIPTION_TIMING,
  startPollingSubscription,
  type SubscriptionTiming,
} from '../subscription/polling-subscription.js';
import {
  assertExpectedRevision,
  assertReadAllOptions,
  assertReadStreamOptions,
  assertStreamId,
} from '../validation.js';
import { checkExpectedRevision, planRows } from './append-plan.js';
import { toRecordedEvent } from './event-row.js';
import type { AppendPlanner, SqlDriver } from './sql-driver.js';

export type SqlEventStoreOptions = {
  /** The store's clock for `recordedAt` (an input, so tests can pin it). */
  clock?: () => Date;
  subscriptions?: Partial<SubscriptionTiming>;
};

/**
 * The part of the SQLite and PostgreSQL adapters that is not SQL: limits, the hash chain,
 * expected-revision semantics, row mapping, verification and subscriptions. Every driver error
 * is translated before it leaves.
 */
export class SqlEventStore implements EventStore {
  private readonly clock: () => Date;
  private readonly timing: SubscriptionTiming;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(
    protected readonly driver: SqlDriver,
    options: SqlEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.timing = { ...DEFAULT_SUBSCRIPTION_TIMING, ...options.subscriptions };
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const append = this.prepareAppend(streamId, events, options.expectedRevision ?? ANY);
    const rows = await this.run(() => this.driver.append(streamId, append.plan));
    return {
      nextExpectedRevision: append.lastRevision(),
      position: rows[rows.length - 1]!.globalPosition,
      events: rows.map(toRecordedEvent),
    };
  }

  /** Checks everything that needs no database, and returns the planner a driver runs. */
  protected prepareAppend(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): { plan: AppendPlanner; lastRevision(): number } {
    assertStreamId(streamId);
    assertExpectedRevision(expected);
    const prepared = prepareEvents(events);
    const recordedAt = this.clock().toISOString();
    let lastRevision = -1;
    const plan: AppendPlanner = (head) => {
      checkExpectedRevision(streamId, expected, head);
      const rows = planRows(streamId, prepared, head, recordedAt);
      lastRevision = rows[rows.length - 1]!.revision;
      return rows;
    };
    return { plan, lastRevision: () => lastRevision };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    assertReadStreamOptions(options);
    const rows = await this.run(() =>
      this.driver.readStream(streamId, {
        fromRevision: options.fromRevision ?? null,
        maxCount: options.maxCount ?? null,
        direction: options.direction ?? 'forwards',
      }),
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    assertReadAllOptions(options);
    const rows = await this.run(() =>
      this.driver.readAll(options.fromPosition ?? 0, options.maxCount ?? null),
    );
    return rows.map(toRecordedEvent);
  }

  async streamRevision(streamId: string): Promise<number | null> {
    assertStreamId(streamId);
    const head = await this.run(() => this.driver.streamHead(streamId));
    return head?.revision ?? null;
  }

  async findByIdempotencyKey(streamId: string, key: string): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    const rows = await this.run(() => this.driver.findByIdempotencyKey(streamId, key));
    return rows.map(toRecordedEvent);
  }

  listStreams(): Promise<string[]> {
    return this.run(() => this.driver.listStreams());
  }

  async verifyStream(streamId: string): Promise<VerifyResult> {
    assertStreamId(streamId);
    const rows = await this.run(() => this.driver.readChain(streamId));
    return { streamId, ...verifyChain(rows) };
  }

  async readVerifiedStream(streamId: string): Promise<VerifiedStream> {
    assertStreamId(streamId);
    const rows = await this.run(() =>
      this.driver.readStream(streamId, { fromRevision: null, maxCount: null, direction: 'forwards' }),
    );
    const verification: VerifyResult = { streamId, ...verifyChain(rows) };
    return { verification, events: verification.ok ? rows.map(toRecordedEvent) : [] };
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    if (this.closed) throw new EventStoreClosedError();
    const subscription = startPollingSubscription(
      {
        readAll: (readOptions) => this.readAll(readOptions),
        loadCheckpoint: (name) => this.run(() => this.driver.loadCheckpoint(name)),
        saveCheckpoint: (name, position) =>
          this.run(() => this.driver.saveCheckpoint(name, position)),
        countAfter: (position) => this.run(() => this.driver.countAfter(position ?? 0)),
      },
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

  /** Stops every subscription, then closes the database. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    await this.driver.close();
  }

  protected async run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.closed) throw new EventStoreClosedError();
    try {
      return await operation();
    } catch (error) {
      throw error instanceof EventStoreError ? error : this.driver.translateError(error);
    }
  }
}
