import { waitFor } from '@jejak/event-store';
import type { ReminderRecord } from '@jejak/reminders';
import { expectStatus, JPTP, selectionHttp } from '../selections/support/selection-http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;

/** A date three days from now (`YYYY-MM-DD`): a TMT the reminders can count down to. */
const tmt = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
/** The TMT deadline is due at the start of that day in WITA (jptp.deadlines.ts). */
const tmtDueAt = Date.parse(`${tmt}T00:00:00+08:00`);
/**
 * One reminder, so many seconds before the TMT that it falls due a few seconds after the app
 * starts (a reminder computed after its time, the deadline still ahead, fires at once anyway).
 */
const beforeSeconds = Math.floor((tmtDueAt - Date.now()) / 1_000) - 3;
const offset = `${beforeSeconds}s`;

describe('reminders in the API (WORKERS=inline): a real firing, seen at GET /selections/:id/reminders', () => {
  let t: TestApp;
  let h: ReturnType<typeof selectionHttp>;

  beforeAll(async () => {
    t = await startTestApp({ env: { REMINDER_OFFSETS: `legal=${offset};planned=1d` } });
    h = selectionHttp(t);
  });
  afterAll(() => t.close());

  it("fires the vacancy's TMT reminder on the real Redis and lists its record", async () => {
    const id = expectStatus(await h.open({ kind: JPTP, title: 'Seleksi uji pengingat TMT' }), 201)
      .body.id as string;
    expectStatus(
      await h.command(id, 'RegisterVacancy', {
        body: {
          vacancyId: 'v1',
          title: 'Kepala Dinas Uji',
          unit: 'Dinas Uji',
          eselon: 'II.b',
          status: 'AKAN_LOWONG',
          tmt,
        },
      }),
      200,
    );

    const records = async () =>
      (
        expectStatus(await h.get(`/selections/${id}/reminders`, { role: 'AUDITOR' }), 200).body as {
          items: ReminderRecord[];
        }
      ).items;
    await waitFor(
      async () => (await records()).some((r) => r.status === 'sent'),
      'the reminder to fire and its record to be written',
      30_000,
    );

    const jobId = `reminder-${id}-vacancy-tmt-v1-${offset}`;
    expect(await records()).toEqual([
      expect.objectContaining({
        selectionId: id,
        jobId,
        deadlineId: 'vacancy-tmt-v1',
        offset,
        kind: 'reminder',
        channel: 'log',
        status: 'sent',
        attempts: 1,
        dueAt: new Date(tmtDueAt).toISOString(),
        fireAt: new Date(tmtDueAt - beforeSeconds * 1_000).toISOString(),
      }),
    ]);
    // The log channel wrote the reminder, with the deadline it reminds of.
    expect(t.logs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ selectionId: id, deadlineId: 'vacancy-tmt-v1', offset }),
      ]),
    );
  }, 40_000);
});
