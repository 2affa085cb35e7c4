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
});
