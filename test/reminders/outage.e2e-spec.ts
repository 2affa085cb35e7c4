import { waitFor } from '@jejak/event-store';
import { WebhookNotifier } from '@jejak/reminders';
import { createHarness, skewedClock, type Harness } from './support/reminders-harness.js';
import { startPrivateRedis } from './support/private-redis.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'outage-test-secret-0123456789abcdef';

describe('Redis outage while commands are accepted', () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let h: Harness;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    hooks = await startWebhookReceiver();
  });
  afterAll(async () => {
    await h.dispose();
    await hooks.close();
    await redis.dispose();
  });

  const closed = async (id: string) =>
    (await h.store.readStream(`selection-${id}`)).filter((e) => e.type === 'RegistrationClosed');

  it('accepts commands, catches up from its checkpoint, and delivers every reminder exactly once', async () => {
    const clock = skewedClock('2024-05-29T15:59:50.000Z');
    h = await createHarness({
      redisUrl: redis.url,
      clock,
      offsets: 'legal=2s',
      notifiers: [new WebhookNotifier({ url: hooks.url, secret: SECRET })],
    });
    await h.runtime.start();
    const soon = (ms: number) => new Date(clock().getTime() + ms).toISOString();
    const before = await h.open({ registrationEndsAt: soon(5_000) }); // scheduled before the outage
    await h.caughtUp();
    expect(await h.runtime.jobsOf(before)).toHaveLength(2);

    await redis.stop();
    await waitFor(() => !h.runtime.status().redis.reachable, 'the runtime to notice the outage');
    const during = await h.open({ registrationEndsAt: soon(4_000) }); // commands still succeed
    await h.command(during, 'ExtendRegistration', { registrationEndsAt: soon(4_500) });
    expect(h.runtime.status()).toMatchObject({ status: 'down', redis: { reachable: false } });
    const head = (await h.store.readAll()).at(-1)!.globalPosition;
    expect(h.runtime.status().scheduler!.checkpoint!).toBeLessThan(head);

    await redis.start();
    await h.caughtUp(15_000);
    for (const id of [before, during]) {
      await waitFor(async () => (await closed(id)).length === 1, `SYSTEM to close ${id}`, 15_000);
      await waitFor(
        async () => (await h.runtime.jobsOf(id)).every((j) => j.state === 'completed'),
        'jobs to finish',
        10_000,
      );
    }

    const delivered = hooks.delivered();
    const per = (id: string) =>
      delivered.filter((d) => d['selectionId'] === id).map((d) => d['offset']);
    expect(per(before)).toEqual(['2s']);
    expect(per(during)).toEqual(['2s']);
    expect(new Set(delivered.map((d) => d['deliveryId'])).size).toBe(delivered.length);
    for (const id of [before, during]) {
      const closing = await closed(id);
      expect(closing).toHaveLength(1);
      expect(JSON.parse(closing[0]!.metadata['actor']!)).toMatchObject({ role: 'SYSTEM' });
      const records = await h.runtime.records(id);
      expect(records.map((r) => [r.channel, r.status, r.attempts])).toEqual([
        ['webhook', 'sent', 1],
        ['command', 'sent', 1],
      ]);
    }
  }, 40_000);
});
