/**
 * One writer per stream inside a process: the items pushed for a key are handed to `run` in
 * order, one batch at a time. While a batch runs (its append in flight), new items queue; the
 * next batch is everything that queued meanwhile (group commit). `run` settles its items itself
 * and returns the ones it left for the next batch (put back at the front, in order); it must not
 * throw.
 */
export class CommandLanes<Item> {
  private readonly queues = new Map<string, Item[]>();

  constructor(
    private readonly run: (key: string, batch: Item[]) => Promise<Item[]>,
    private readonly maxBatch = 256,
  ) {}

  push(key: string, item: Item): void {
    const queue = this.queues.get(key);
    if (queue !== undefined) {
      queue.push(item);
      return;
    }
    const fresh = [item];
    this.queues.set(key, fresh);
    void this.drain(key, fresh);
  }

  private async drain(key: string, queue: Item[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      const left = await this.run(key, batch);
      queue.unshift(...left);
    }
    this.queues.delete(key);
  }
}
