import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@jejak/event-store';
import { WebhookNotifier } from '@jejak/reminders';
import { Redis } from 'ioredis';
import { createHarness, skewedClock, type Harness } from './support/reminders-harness.js';
import { startPrivateRedis } from './support/private-redis.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';

type PrivateRedis = Awaited<ReturnType<typeof startPrivateRedis>>;

describe('FLUSHALL, then rebuild from the event store', () => {
  let redis: PrivateRedis;
  let h: Harness;
  const NOW = '2024-05-20T01:00:00.000Z';

  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(() => redis.dispose());
  afterEach(() => h.dispose());

  it('gives back the same jobs (ids, fire times, delays)', async () => {
    h = await createHarness({ redisUrl: redis.url, clock: () => new Date(NOW), runWorker: false });
    await h.runtime.start();
    const a = await h.open({
      registrationEndsAt: '2024-05-29T15:59:59.000Z',
      plannedInterviewAt: '2024-06-20T02:00:00.000Z',
    });
    const b = await h.open({ registrationEndsAt: '2024-05-29T15:59:59.000Z' });
    await h.command(b, 'ExtendRegistration', { registrationEndsAt: '2024-06-05T15:59:59.000Z' });
    await h.caughtUp();
    const snapshot = async () =>
      (await Promise.all([a, b].map((id) => h.runtime.jobsOf(id))))
        .flat()
        .map((j) => [j.jobId, j.state, j.data.fireAt, j.delay]);
    const before = await snapshot();
    expect(before).toHaveLength(9);

    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();
    expect(await snapshot()).toEqual([]);

    expect(await h.runtime.rebuild()).toEqual({ selections: 2, jobs: 9 });
    expect(await snapshot()).toEqual(before);
  });

  it('sends no reminder twice: what was sent before the flush stays sent', async () => {
    const hooks = await startWebhookReceiver();
    const clock = skewedClock('2024-05-29T15:59:55.000Z');
    h = await createHarness({
      redisUrl: redis.url,
      clock,
      offsets: 'legal=4s',
      notifiers: [new WebhookNotifier({ url: hooks.url, secret: 'test-secret-0123456789abcdef' })],
    });
    try {
      await h.runtime.start();
      const id = await h.open({
        registrationEndsAt: new Date(clock().getTime() + 2_500).toISOString(),
      });
      await waitFor(() => hooks.delivered().length === 1, 'the reminder', 10_000);
      const admin = new Redis(redis.url);
      await admin.flushall();
      admin.disconnect();
      await h.runtime.rebuild(); // the missed "4s before" is expected again, with delay 0
      await waitFor(
        async () =>
          (await h.store.readStream(`selection-${id}`)).some(
            (e) => e.type === 'RegistrationClosed',
          ),
        'SYSTEM to close registration',
        10_000,
      );
      await waitFor(
        async () => (await h.runtime.jobsOf(id)).every((j) => j.state === 'completed'),
        'every job to finish',
        10_000,
      );
      expect(hooks.delivered().map((d) => d['offset'])).toEqual(['4s']);
      const records = await h.runtime.records(id);
      expect(
        records.filter((r) => r.channel === 'webhook').map((r) => [r.status, r.attempts]),
      ).toEqual([['sent', 1]]);
    } finally {
      await hooks.close();
    }
  });
});

describe('Redis health', () => {
  it('reports a Redis whose maxmemory-policy may evict reminders', async () => {
    const redis = await startPrivateRedis();
    const h = await createHarness({
      redisUrl: redis.url,
      clock: () => new Date(),
      runWorker: false,
    });
    const admin = new Redis(redis.url);
    try {
      await h.runtime.start();
      expect(await h.runtime.health()).toMatchObject({
        status: 'up',
        redis: { maxmemoryPolicy: 'noeviction', policyOk: true },
      });
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const health = await h.runtime.health();
      expect(health).toMatchObject({
        status: 'down',
        redis: { maxmemoryPolicy: 'allkeys-lru', policyOk: false },
      });
      expect(health.message).toContain('noeviction');
    } finally {
      admin.disconnect();
      await h.dispose();
      await redis.dispose();
    }
  });
});

describe('embedded mode', () => {
  const nothingThere = 'redis://127.0.0.1:1'; // nothing answers on port 1

  it('starts a private redis-server under the data directory when nothing answers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jejak-data-'));
    const h = await createHarness({
      redisUrl: nothingThere,
      clock: () => new Date(),
      runWorker: false,
      extra: { embeddedRedis: { dir: join(dataDir, 'redis') } },
    });
    try {
      await h.runtime.start();
      const status = h.runtime.status();
      expect(status).toMatchObject({
        state: 'active',
        status: 'up',
        redis: { embedded: true, policyOk: true },
      });
      expect(status.redis.url).not.toBe(nothingThere);
    } finally {
      await h.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('runs paused, and says so, when there is no Redis and no redis-server binary', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jejak-data-'));
    const h = await createHarness({
      redisUrl: nothingThere,
      clock: () => new Date(),
      extra: {
        embeddedRedis: { binary: 'redis-server-not-installed', dir: join(dataDir, 'redis') },
      },
    });
    try {
      await h.runtime.start();
      expect(h.runtime.status()).toMatchObject({ state: 'paused', status: 'down' });
      expect(h.runtime.status().message).toMatch(/REMINDERS PAUSED.*no redis-server binary/);
      await expect(h.runtime.rebuild()).rejects.toMatchObject({ code: 'REMINDERS_PAUSED' });
    } finally {
      await h.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
