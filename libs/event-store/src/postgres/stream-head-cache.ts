import type { StreamHead } from '../sql/sql-driver.js';

/**
 * Last known head (revision, hash) per stream, so that an append right after a read plans its
 * hash chain without another round trip. Only a hint: the append statement re-checks it.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  set(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next().value;
      if (oldest !== undefined) this.heads.delete(oldest);
    }
  }

  /**
   * What a read saw: never moves a head back. A read that began before an append and ended after
   * it would otherwise put the older head back, and the next append would plan on it and be
   * refused as a conflict no other writer caused.
   */
  advance(streamId: string, head: StreamHead): void {
    const known = this.heads.get(streamId);
    if (known === undefined || known.revision < head.revision) this.set(streamId, head);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
