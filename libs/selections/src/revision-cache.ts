/**
 * What is kept per selection between calls (folds, summaries), the least recently used dropped
 * beyond `size`. A stream only grows, so a value at revision r stays true of the stream's first
 * r + 1 events, and the cache never steps back to an older revision (two readers or writers of
 * one selection at once). The command path, the queries, the summaries projector and the
 * reminders reader each keep one.
 */
export class RevisionCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(
    private readonly revisionOf: (value: T) => number,
    private readonly size = 256,
  ) {}

  get(selectionId: string): T | undefined {
    const value = this.entries.get(selectionId);
    if (value !== undefined) {
      // Most recently used last: the Map's order is the eviction order.
      this.entries.delete(selectionId);
      this.entries.set(selectionId, value);
    }
    return value;
  }

  set(selectionId: string, value: T): void {
    const current = this.entries.get(selectionId);
    if (current !== undefined && this.revisionOf(current) > this.revisionOf(value)) return;
    this.entries.delete(selectionId);
    this.entries.set(selectionId, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
