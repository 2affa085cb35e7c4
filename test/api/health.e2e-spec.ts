import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startTestApp } from '../support/test-app.js';

/**
 * A Redis that accepts connections and answers every command `+OK` except PING, which it never
 * answers: the case where only the health check's own timeout keeps `/health` from hanging.
 */
async function silentRedis(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk) => {
      const commands = chunk.toString().match(/\*\d+\r\n\$\d+\r\n[A-Za-z]+/g) ?? [];
      for (const command of commands) {
        if (!/PING$/i.test(command)) socket.write('+OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('GET /health when Redis is not there', () => {
  it('pings the private redis-server the embedded mode started when nothing listens on REDIS_URL: 200, nothing down', async () => {
    const t = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${await unusedPort()}` } });
    try {
      const response = await t.http().get('/health').expect(200);
      expect(response.body.status).toBe('ok');
      expect(response.body.details).toMatchObject({
        store: { status: 'up' },
        redis: { status: 'up', embedded: true },
        reminders: { status: 'up', state: 'active', redis: { embedded: true, reachable: true } },
      });
      // What the dashboard's banner lists: the entries that are down. None.
      const down = Object.entries(response.body.details as Record<string, { status: string }>)
        .filter(([, check]) => check.status === 'down')
        .map(([name]) => name);
      expect(down).toEqual([]);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('answers 503 problem+json at once when nothing listens on REDIS_URL and no private one runs (WORKERS=off), store still up', async () => {
    const t = await startTestApp({
      env: { REDIS_URL: `redis://127.0.0.1:${await unusedPort()}`, WORKERS: 'off' },
    });
    try {
      const started = performance.now();
      const response = await t.http().get('/health').expect(503);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 503,
        title: 'Service Unavailable',
        details: { store: { status: 'up' }, redis: { status: 'down' } },
      });
      await t.http().get('/health/live').expect(200);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('gives up on a Redis that never answers PING after its own timeout', async () => {
    const redis = await silentRedis();
    // WORKERS=off: no reminders here, so no private redis-server takes over; /health pings REDIS_URL.
    const t = await startTestApp({ env: { REDIS_URL: redis.url, WORKERS: 'off' } });
    try {
      const started = performance.now();
      const response = await t.http().get('/health').expect(503);
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(900);
      expect(elapsed).toBeLessThan(4000);
      expect(response.body.details).toMatchObject({
        store: { status: 'up' },
        redis: { status: 'down' },
      });
    } finally {
      await t.close();
      await redis.close();
    }
  }, 30_000);
});
