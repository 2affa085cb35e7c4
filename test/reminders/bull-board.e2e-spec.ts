import Fastify from 'fastify';
import { mountReminderBoard } from '@jejak/reminders';
import { createHarness, type Harness } from './support/reminders-harness.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('Bull Board at /admin/queues', () => {
  let h: Harness;
  const app = Fastify();

  beforeAll(async () => {
    h = await createHarness({ redisUrl: REDIS_URL, clock: () => new Date(), runWorker: false });
    await h.runtime.start();
    // Stands in for the API's ADMIN check: the real guard verifies the bearer token's role.
    await mountReminderBoard(app, h.runtime, async (request, reply) => {
      if (request.headers['x-test-role'] !== 'ADMIN')
        await reply.code(403).send({ title: 'Forbidden' });
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await h.dispose();
  });

  it('shows the reminders queue to ADMIN', async () => {
    const page = await app.inject({ url: '/admin/queues', headers: { 'x-test-role': 'ADMIN' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const api = await app.inject({
      url: '/admin/queues/api/queues',
      headers: { 'x-test-role': 'ADMIN' },
    });
    expect(api.statusCode).toBe(200);
    expect(api.json<{ queues: { name: string }[] }>().queues.map((q) => q.name)).toEqual([
      'reminders',
    ]);
  });

  it('refuses everyone else', async () => {
    expect((await app.inject({ url: '/admin/queues' })).statusCode).toBe(403);
    expect(
      (
        await app.inject({
          url: '/admin/queues/api/queues',
          headers: { 'x-test-role': 'SEKRETARIAT' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('is read-only even for ADMIN (jobs change through commands, not around the trail), and serves its static files', async () => {
    const admin = { 'x-test-role': 'ADMIN' };
    const before = await h.runtime.queue!.queue.getJobCounts();
    const added = await app.inject({
      method: 'POST',
      url: '/admin/queues/api/queues/reminders/add',
      headers: admin,
      payload: { name: 'board-probe', data: { probe: true }, options: { delay: 3_600_000 } },
    });
    expect(added.statusCode).toBeGreaterThanOrEqual(400);
    expect(added.statusCode).toBeLessThan(500);
    expect(await h.runtime.queue!.queue.getJobCounts()).toEqual(before);

    const page = await app.inject({ url: '/admin/queues', headers: admin });
    // The page's scripts are relative to <base href="/admin/queues/">.
    const script = /src="(static\/js\/[^"]+\.js)"/.exec(page.body)?.[1];
    const asset = script === undefined ? undefined : `/admin/queues/${script}`;
    expect(asset).toBeDefined();
    const file = await app.inject({ url: asset!, headers: admin });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('javascript');
    expect(file.body.length).toBeGreaterThan(1_000);
    expect((await app.inject({ url: asset! })).statusCode).toBe(403);
  });
});
