import { connect } from 'node:net';
import type { Role } from '@jejak/workflows';
import { startTestApp, type TestApp } from '../support/test-app.js';

const OPEN = { kind: 'jptp-open-selection', title: 'Seleksi uji akses' };

describe('read routes allow-list roles (personal data only for those who decide or audit)', () => {
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    const opened = await t
      .http()
      .post('/selections')
      .auth(await t.tokenFor('SEKRETARIAT'), { type: 'bearer' })
      .send(OPEN)
      .expect(201);
    id = opened.body.id as string;
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = async (path: string, role: Role) =>
    t
      .http()
      .get(path)
      .auth(await t.tokenFor(role), { type: 'bearer' });

  it.each<[string, Role[], Role[]]>([
    // path, refused (403), allowed (200)
    ['/selections/{id}/events', ['ASESOR', 'SEKDA', 'SYSTEM', 'ADMIN'], ['SEKRETARIAT', 'AUDITOR']],
    [
      '/selections/{id}/state?revision=1',
      ['ASESOR', 'SEKDA', 'SYSTEM', 'ADMIN'],
      ['PANSEL', 'AUDITOR'],
    ],
    ['/selections/{id}/timeline', ['ASESOR', 'SYSTEM', 'ADMIN'], ['PPK', 'AUDITOR']],
    ['/selections/{id}/export?format=csv', ['ASESOR', 'SEKDA', 'SYSTEM', 'ADMIN'], ['AUDITOR']],
    ['/selections/{id}', ['SYSTEM', 'ADMIN'], ['ASESOR', 'SEKDA', 'AUDITOR']],
    ['/selections', ['SYSTEM', 'ADMIN'], ['TPK', 'AUDITOR']],
    ['/selections/{id}/verify', ['ASESOR', 'SYSTEM'], ['ADMIN', 'AUDITOR']],
    ['/audit/verify', ['ASESOR', 'SEKRETARIAT', 'PPK', 'SYSTEM'], ['AUDITOR', 'ADMIN']],
  ])('%s: 403 for %j, 200 for %j', async (template, refused, allowed) => {
    const path = template.replace('{id}', id);
    for (const role of refused) {
      const response = await get(path, role);
      expect({ role, status: response.status }).toEqual({ role, status: 403 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.allowedRoles).not.toContain(role);
    }
    for (const role of allowed) {
      const response = await get(path, role);
      expect({ role, status: response.status }).toEqual({ role, status: 200 });
    }
  });
});

describe('rate limits (429 with Retry-After), the verification cap and the request timeout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        RATE_LIMIT_COMMANDS: '3/1m',
        RATE_LIMIT_AUDIT_VERIFY: '2/1m',
        REQUEST_TIMEOUT: '1000',
      },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers the command over the limit 429 with Retry-After, and writes nothing for it', async () => {
    const token = await t.tokenFor('SEKRETARIAT');
    for (let i = 0; i < 3; i++) {
      await t.http().post('/selections').auth(token, { type: 'bearer' }).send(OPEN).expect(201);
    }
    const before = (await t.store.readAll()).length;
    const refused = await t
      .http()
      .post('/selections')
      .auth(token, { type: 'bearer' })
      .send(OPEN)
      .expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ status: 429, limit: 3 });
    expect((await t.store.readAll()).length).toBe(before);
    // Reads are not commands: still answered.
    await t.http().get('/selections').auth(token, { type: 'bearer' }).expect(200);
  });

  it('limits GET /audit/verify per client', async () => {
    const token = await t.tokenFor('AUDITOR');
    await t.http().get('/audit/verify').auth(token, { type: 'bearer' }).expect(200);
    await t.http().get('/audit/verify').auth(token, { type: 'bearer' }).expect(200);
    const refused = await t.http().get('/audit/verify').auth(token, { type: 'bearer' }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  /** What a raw client that sends `text` and then nothing receives, and when the server hangs up. */
  const stall = async (text: string) => {
    const server = t.app.getHttpServer();
    if (!server.listening)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const started = Date.now();
    const received = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      socket.write(text);
    });
    return { received, afterMs: Date.now() - started };
  };

  it('answers 408 to a client that does not finish its headers within REQUEST_TIMEOUT', async () => {
    const { received, afterMs } = await stall('GET /selections HTTP/1.1\r\nHost: x\r\n');
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(5_000);
  });

  it('hangs up on a client that stops sending its body', async () => {
    const { received, afterMs } = await stall(
      'POST /auth/demo-token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    expect(received).toBe('');
    expect(afterMs).toBeLessThan(5_000);
  });
});

describe('the whole-store verification runs at most twice at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_AUDIT_VERIFY: 'off' } });
    const token = await t.tokenFor('SEKRETARIAT');
    for (let i = 0; i < 20; i++) {
      await t.http().post('/selections').auth(token, { type: 'bearer' }).send(OPEN).expect(201);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers the third concurrent one 503 with Retry-After, and serves again once they finish', async () => {
    const authorization = `Bearer ${await t.tokenFor('AUDITOR')}`;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.app.inject({ method: 'GET', url: '/audit/verify', headers: { authorization } }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
    const busy = responses.filter((response) => response.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(busy[0]?.headers['retry-after']).toBeDefined();
    expect(busy[0]?.headers['content-type']).toMatch(/^application\/problem\+json/);
    const after = await t.app.inject({
      method: 'GET',
      url: '/audit/verify',
      headers: { authorization },
    });
    expect(after.statusCode).toBe(200);
  });
});
