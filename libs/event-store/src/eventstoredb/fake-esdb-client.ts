import type {
  EsdbClient,
  EsdbEvent,
  EsdbExpectedRevision,
  EsdbNewEvent,
  EsdbPosition,
  EsdbReadStreamOptions,
  EsdbSubscriptionStream,
} from './esdb-client.port.js';
import { EsdbWrongRevision } from './esdb-client.port.js';

/**
 * A FAKE EventStoreDB client, in memory, for exercising the adapter's own logic (hash chain,
 * revision mapping, paging, subscription restarts) where no server is available. It is not
 * evidence that the real client or server behaves so: the int-spec is.
 */
export class FakeEsdbClient implements EsdbClient {
  private readonly log: EsdbEvent[] = [];
  private readonly listeners = new Set<() => void>();

  async append(streamId: string, events: EsdbNewEvent[], expected: EsdbExpectedRevision) {
    await Promise.resolve();
    const stream = this.log.filter((e) => e.streamId === streamId);
    const actual = stream.length === 0 ? null : stream.length - 1;
    const ok =
      expected === 'any' || (expected === 'no_stream' ? actual === null : actual === expected);
    if (!ok) throw new EsdbWrongRevision(actual);
    let position: EsdbPosition | null = null;
    for (const [i, event] of events.entries()) {
      const at = BigInt((this.log.length + 1) * 10); // sparse, like real log positions
      position = { commit: at, prepare: at };
      this.log.push({
        ...event,
        streamId,
        revision: (actual ?? -1) + 1 + i,
        created: new Date(),
        position,
      });
    }
    for (const listener of this.listeners) listener();
    return { nextExpectedRevision: (actual ?? -1) + events.length, position };
  }

  async readStream(streamId: string, options: EsdbReadStreamOptions): Promise<EsdbEvent[]> {
    await Promise.resolve();
    let events = this.log.filter((e) => e.streamId === streamId);
    const from = options.fromRevision;
    if (options.direction === 'backwards') {
      events = events.filter((e) => from === undefined || e.revision <= from).reverse();
    } else {
      events = events.filter((e) => from === undefined || e.revision >= from);
    }
    return events.slice(0, options.maxCount ?? events.length);
  }

  async readAll(from: EsdbPosition | 'start', maxCount: number): Promise<EsdbEvent[]> {
    await Promise.resolve();
    const start = from === 'start' ? -1n : from.commit;
    return this.log.filter((e) => e.position!.commit >= start).slice(0, maxCount);
  }

  subscribeToAll(from: EsdbPosition | 'start', prefixes: string[]): EsdbSubscriptionStream {
    let index = from === 'start' ? 0 : this.log.findIndex((e) => e.position!.commit > from.commit);
    if (index < 0) index = this.log.length;
    let closed = false;
    let caughtUpListener: (caughtUp: boolean) => void = () => undefined;
    let wake: () => void = () => undefined;
    const log = this.log;
    const listeners = this.listeners;
    const onAppend = () => wake();
    listeners.add(onAppend);
    async function* events(): AsyncIterableIterator<EsdbEvent> {
      while (!closed) {
        const event = log[index];
        if (!event) {
          caughtUpListener(true);
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        index += 1;
        if (prefixes.some((p) => event.streamId.startsWith(p))) yield event;
      }
    }
    return {
      [Symbol.asyncIterator]: events,
      onCaughtUp: (listener) => (caughtUpListener = listener),
      unsubscribe: () => {
        closed = true;
        listeners.delete(onAppend);
        wake();
        return Promise.resolve();
      },
    };
  }

  setMaxCount(): Promise<void> {
    return Promise.resolve();
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }
}
