import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL stops mid-run: 503 with Retry-After, never 500, nothing acknowledged lost', () => {
  const database = `jejak_fault_${randomBytes(5).toString('hex')}`;
  let t: TestApp;
  let token: string;

  const terminate = () =>
    admin((client) =>
      client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      ),
    );
  const allowConnections = (allow: boolean) =>
    admin((client) => client.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS ${allow}`));
  const open = () =>
    t
      .http()
      .post('/selections')
      .auth(token, { type: 'bearer' })
      .send({ kind: 'jptp-open-selection', title: 'Seleksi saat gangguan' })
      .timeout(35_000);

  beforeAll(async () => {
    await admin((client) => client.query(`CREATE DATABASE ${database}`));
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    t = await startTestApp({ env: { EVENT_STORE: 'postgres', DATABASE_URL: url.toString() } });
    token = await t.tokenFor('SEKRETARIAT');
  });

  afterAll(async () => {
    await t?.close();
    await allowConnections(true).catch(() => undefined);
    await terminate().catch(() => undefined);
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database}`));
  });

  it('answers commands 201 or 503 while its connections are terminated, then recovers', async () => {
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    for (let round = 0; round < 6; round++) {
      const [responses] = await Promise.all([
        Promise.all(Array.from({ length: 4 }, () => open())),
        terminate(),
      ]);
      for (const response of responses) {
        statuses.push(response.status);
        if (response.status === 201) acknowledged.push(response.body.id as string);
        else {
          expect(response.status).toBe(503);
          expect(response.headers['retry-after']).toBeDefined();
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      }
    }
    expect(statuses.every((status) => status === 201 || status === 503)).toBe(true);
    // Back: the next command succeeds and every acknowledged selection is there.
    await open().expect(201);
    for (const id of acknowledged) {
      await t
        .http()
        .get(`/selections/${id}`)
        .auth(await t.tokenFor('AUDITOR'), { type: 'bearer' })
        .expect(200);
    }
  }, 120_000);

  it('answers 503 while the database refuses connections, /health says the store is down', async () => {
    await allowConnections(false);
    await terminate();
    try {
      const started = Date.now();
      const refused = await open();
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBeDefined();
      expect(Date.now() - started).toBeLessThan(30_000);
      const health = await t.http().get('/health');
      expect(health.status).toBe(503);
      expect(health.body.details.store.status).toBe('down');
    } finally {
      await allowConnections(true);
    }
    await open().expect(201);
  }, 120_000);
});
