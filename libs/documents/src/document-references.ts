import type { EventStore } from '@jejak/event-store';
import { referencedFiles, type FileReference } from './referenced-files.js';

/** Where a file is referred to: the event and the document in it. */
export type EventFileReference = FileReference & {
  streamId: string;
  revision: number;
  eventId: string;
  eventType: string;
};

const PAGE = 1000;

/**
 * Which events refer to which files, read from the store ($all, in commit order) and kept up to
 * date on each question by reading only the events appended since the last one.
 */
export class DocumentReferences {
  private position: number | undefined;
  private readonly byHash = new Map<string, EventFileReference[]>();
  /** Reads run one after another; each starts after the call that asked for it. */
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly eventStore: EventStore) {}

  /** The events referring to the file (empty when none does). */
  async of(sha256: string): Promise<EventFileReference[]> {
    await this.refresh();
    return this.byHash.get(sha256) ?? [];
  }

  /** Every referenced file's hash. */
  async hashes(): Promise<Set<string>> {
    await this.refresh();
    return new Set(this.byHash.keys());
  }

  /** Reads the events appended since the last read (all of them the first time). */
  refresh(): Promise<void> {
    const run = this.tail.then(() => this.readNewEvents());
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const events = await this.eventStore.readAll({
        ...(this.position === undefined ? {} : { fromPosition: this.position }),
        maxCount: PAGE,
      });
      for (const event of events) {
        for (const reference of referencedFiles(event.data)) {
          const list = this.byHash.get(reference.sha256) ?? [];
          list.push({
            ...reference,
            streamId: event.streamId,
            revision: event.revision,
            eventId: event.id,
            eventType: event.type,
          });
          this.byHash.set(reference.sha256, list);
        }
        this.position = event.globalPosition;
      }
      if (events.length < PAGE) return;
    }
  }
}
