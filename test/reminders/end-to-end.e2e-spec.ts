import { waitFor } from '@jejak/event-store';
import { EmailNotifier, LogNotifier, WebhookNotifier, verifySignature } from '@jejak/reminders';
import { createHarness, skewedClock, type Harness } from './support/reminders-harness.js';
import { startSmtpSink } from './support/smtp-sink.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'e2e-webhook-secret-0123456789abcdef';
/** NTT 2024: registration ends 29 May 2024 at 23:59:59 WITA. */
const END = '2024-05-29T15:59:59.000Z';
const SEKRETARIAT_MAIL = 'sekretariat@bkd.ntt.example';

type Hooks = Awaited<ReturnType<typeof startWebhookReceiver>>;
type Smtp = Awaited<ReturnType<typeof startSmtpSink>>;

describe('reminders end to end, with compressed time', () => {
  let hooks: Hooks;
  let smtp: Smtp;
  let h: Harness;

  beforeEach(async () => {
    smtp = await startSmtpSink();
  });
  afterEach(async () => {
    await h.dispose();
    await hooks.close();
    await smtp.close();
  });

  const harness = async (pretendNow: string, offsets: string, hookOptions = {}, extra = {}) => {
    hooks = await startWebhookReceiver(hookOptions);
    const email = new EmailNotifier({
      smtpUrl: smtp.url,
      from: 'jejak <jejak@bkd.ntt.example>',
      recipients: { SEKRETARIAT: [SEKRETARIAT_MAIL] },
    });
    h = await createHarness({
      redisUrl: REDIS_URL,
      clock: skewedClock(pretendNow),
      offsets,
      notifiers: [
        new WebhookNotifier({ url: hooks.url, secret: SECRET }),
        email,
        new LogNotifier(),
      ],
      ...extra,
    });
    await h.runtime.start();
  };
  const eventsOf = async (id: string) => h.store.readStream(`selection-${id}`);

  it('reminds in order with valid signatures, e-mails the Sekretariat, and SYSTEM closes registration', async () => {
    await harness('2024-05-29T15:59:54.000Z', 'legal=3s,1s');
    const id = await h.open({ registrationEndsAt: END });
    await waitFor(
      async () => (await eventsOf(id)).some((e) => e.type === 'RegistrationClosed'),
      'SYSTEM to close registration',
      15_000,
    );

    const delivered = hooks.received.filter((r) => r.status < 300);
    expect(
      delivered.map((r) =>
        verifySignature(r.body, r.headers['x-jejak-signature'] as string, SECRET),
      ),
    ).toEqual([true, true]);
    const bodies = delivered.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies.map((b) => b['offset'])).toEqual(['3s', '1s']);
    expect(bodies[0]).toMatchObject({
      kind: 'reminder',
      selectionId: id,
      selectionTitle: 'Seleksi Terbuka JPTP NTT 2024',
      deadlineId: 'registration-end',
      label: 'Batas akhir pendaftaran',
      dueAt: END,
      dueAtWita: 'Rabu, 29 Mei 2024 pukul 23.59.59 WITA',
      legalBasis: 'PermenPAN-RB 15/2019 (15 hari kalender)',
      recipients: ['SEKRETARIAT'],
      link: `https://jejak.example.org/selections/${id}`,
      lang: 'id',
      correlationId: `req-${id.slice(0, 8)}`,
    });
    // The time left is measured when the job runs: on a loaded machine a job may run a second
    // late and truly have 2 seconds left, so the count is not pinned (tests never depend on timing).
    expect((bodies[0]!['message'] as { subject: string }).subject).toMatch(
      /^Pengingat: Batas akhir pendaftaran \([0-3] detik lagi\)$/,
    );

    await waitFor(() => smtp.mails.length === 2, 'two e-mails', 5_000);
    expect(smtp.mails.map((m) => m.to)).toEqual([[SEKRETARIAT_MAIL], [SEKRETARIAT_MAIL]]);
    expect(smtp.mails[0]!.raw).toContain('Subject: Pengingat: Batas akhir pendaftaran');
    expect(smtp.mails[0]!.raw).toContain('Rabu, 29 Mei 2024 pukul 23.59.59 WITA');

    const closing = (await eventsOf(id)).filter((e) => e.type === 'RegistrationClosed');
    expect(closing).toHaveLength(1);
    expect(closing[0]!.metadata).toMatchObject({
      command: 'CloseRegistration',
      role: 'SYSTEM',
      correlationId: `req-${id.slice(0, 8)}`,
    });
    expect(
      Date.parse((closing[0]!.data as { occurredAt: string }).occurredAt),
    ).toBeGreaterThanOrEqual(Date.parse(END));

    await waitFor(async () => (await h.runtime.records(id)).length === 7, 'every record', 5_000);
    const records = await h.runtime.records(id);
    expect(records.map((r) => [r.offset, r.channel, r.status, r.attempts])).toEqual([
      ['3s', 'email', 'sent', 1],
      ['3s', 'log', 'sent', 1],
      ['3s', 'webhook', 'sent', 1],
      ['1s', 'email', 'sent', 1],
      ['1s', 'log', 'sent', 1],
      ['1s', 'webhook', 'sent', 1],
      ['due', 'command', 'sent', 1],
    ]);
    expect(records.at(-1)!.reason).toBe('CloseRegistration: accepted (state registrationClosed)');
  }, 30_000);

  it('retries a failing webhook with backoff, then records it sent, e-mailing only once', async () => {
    await harness('2024-05-29T15:59:55.000Z', 'legal=2s', { failFirst: 2 });
    const id = await h.open({ registrationEndsAt: END });
    await waitFor(
      async () =>
        (await h.runtime.records(id)).some((r) => r.channel === 'webhook' && r.status === 'sent'),
      'the webhook to get through',
      15_000,
    );
    expect(hooks.received.map((r) => r.status)).toEqual([500, 500, 204]);
    const webhook = (await h.runtime.records(id)).find((r) => r.channel === 'webhook')!;
    expect(webhook).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.mails).toHaveLength(1);
  }, 30_000);

  it('records a final failure when the webhook never answers 2xx', async () => {
    await harness('2024-05-29T15:59:55.000Z', 'legal=2s');
    hooks.control.down = true;
    const id = await h.open({ registrationEndsAt: END });
    await waitFor(
      async () =>
        (await h.runtime.records(id)).some((r) => r.channel === 'webhook' && r.status === 'failed'),
      'the final failure',
      15_000,
    );
    const webhook = (await h.runtime.records(id)).find((r) => r.channel === 'webhook')!;
    expect(webhook).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: 'webhook: Webhook answered 500',
    });
    expect(hooks.received).toHaveLength(3);
  }, 30_000);

  it('drops, and records as dropped, a reminder whose deadline no longer applies when it fires', async () => {
    await harness('2024-05-20T01:00:00.000Z', '3d,1d', {}, { extra: { runScheduler: false } });
    const id = await h.open({ registrationEndsAt: END });
    await h.runtime.reconcile(id); // the scheduler is off: schedule by hand, then act before firing
    const clock = skewedClock('2024-05-30T00:00:00.000Z');
    await h.store.appendToStream(`selection-${id}`, [
      {
        type: 'RegistrationClosed',
        data: { occurredAt: clock().toISOString() },
        metadata: {
          kind: 'reminder-test-registration',
          command: 'CloseRegistration',
          role: 'SEKRETARIAT',
        },
      },
    ]);
    for (const job of await h.runtime.queue!.queue.getDelayed()) {
      if (job.data.selectionId === id) await job.promote();
    }
    await waitFor(
      async () => (await h.runtime.records(id)).length === 3,
      'three dropped records',
      10_000,
    );
    const records = await h.runtime.records(id);
    expect(records.map((r) => [r.offset, r.channel, r.status, r.reason])).toEqual([
      ['3d', 'none', 'dropped', 'deadline-no-longer-applies'],
      ['1d', 'none', 'dropped', 'deadline-no-longer-applies'],
      ['due', 'none', 'dropped', 'deadline-no-longer-applies'],
    ]);
    expect(hooks.received).toEqual([]);
    expect(smtp.mails).toEqual([]);
  }, 30_000);
});
