import { waitFor } from '@jejak/event-store';
import type { Notifier, ReminderNotification } from '@jejak/reminders';
import { createHarness, skewedClock, type Harness } from './support/reminders-harness.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const END = '2024-05-29T15:59:59.000Z';
const SELECTIONS = 4;

/**
 * A channel that holds every reminder until `expected` of them are being sent at once (or
 * `patienceMs` passed): it sees how many firings run side by side.
 */
class SideBySide implements Notifier {
  readonly channel = 'log' as const;
  inFlight = 0;
  most = 0;
  private release: (() => void) | undefined;
  private readonly together: Promise<void>;

  constructor(
    private readonly expected: number,
    private readonly patienceMs = 10_000,
  ) {
    this.together = new Promise((resolve) => (this.release = resolve));
  }

  applies(): boolean {
    return true;
  }

  async send(_notification: ReminderNotification): Promise<void> {
    this.inFlight += 1;
    this.most = Math.max(this.most, this.inFlight);
    if (this.inFlight >= this.expected) this.release?.();
    await Promise.race([
      this.together,
      new Promise((resolve) => setTimeout(resolve, this.patienceMs).unref()),
    ]);
    this.inFlight -= 1;
  }
}

describe('reminders fired side by side (worker concurrency above 1)', () => {
  let h: Harness;
  afterEach(() => h.dispose());

  it("fires several selections' reminders at once, each with its own record, and SYSTEM acts once per selection", async () => {
    const channel = new SideBySide(SELECTIONS);
    h = await createHarness({
      redisUrl: REDIS_URL,
      clock: skewedClock('2024-05-29T15:59:54.000Z'),
      offsets: 'legal=3s',
      notifiers: [channel],
    });
    await h.runtime.start();
    const ids: string[] = [];
    for (let i = 0; i < SELECTIONS; i++) ids.push(await h.open({ registrationEndsAt: END }));

    const done = async (id: string) =>
      (await h.runtime.records(id)).filter((r) => r.status === 'sent').length === 2;
    await waitFor(
      async () => (await Promise.all(ids.map(done))).every(Boolean),
      "every selection's reminder and its closing",
      30_000,
    );

    expect(channel.most).toBe(SELECTIONS);
    for (const id of ids) {
      const records = await h.runtime.records(id);
      expect(records.map((r) => [r.jobId, r.offset, r.channel, r.status, r.attempts])).toEqual([
        [`reminder-${id}-registration-end-3s`, '3s', 'log', 'sent', 1],
        [`reminder-${id}-registration-end-due`, 'due', 'command', 'sent', 1],
      ]);
      const events = await h.store.readStream(`selection-${id}`);
      expect(events.filter((e) => e.type === 'RegistrationClosed')).toHaveLength(1);
    }
  }, 45_000);
});
