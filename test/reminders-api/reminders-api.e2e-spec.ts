import { randomUUID } from 'node:crypto';
import { selectionHttp, JPTP, PROBLEM } from '../selections/support/selection-http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('reminders in the API with WORKERS=inline (default): records, /health, Bull Board', () => {
  let t: TestApp;
  let h: ReturnType<typeof selectionHttp>;

  beforeAll(async () => {
    t = await startTestApp();
    h = selectionHttp(t);
  });
  afterAll(() => t.close());

  it("lists a selection's reminder records (none yet) to any reading role", async () => {
    const opened = await h.open({ kind: JPTP, title: 'Seleksi uji pengingat' });
    expect(opened.status).toBe(201);
    const id = (opened.body as { id: string }).id;
    for (const role of ['SEKRETARIAT', 'AUDITOR', 'ADMIN'] as const) {
      const response = await h.get(`/selections/${id}/reminders`, { role });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: [] });
    }
  });

  it('answers 404 for an unknown selection, 401 without a token', async () => {
    const unknown = await h.get(`/selections/${randomUUID()}/reminders`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(PROBLEM);
    expect((await h.get('/selections/not-a-uuid/reminders')).status).toBe(404);
    await t.http().get(`/selections/${randomUUID()}/reminders`).expect(401);
  });

  it('reports the reminders on /health: active, Redis never evicting', async () => {
    const response = await t.http().get('/health').expect(200);
    const body = response.body as { details: Record<string, Record<string, unknown>> };
    expect(body.details.reminders).toMatchObject({
      status: 'up',
      hosted: 'inline',
      state: 'active',
      redis: { reachable: true, maxmemoryPolicy: 'noeviction', policyOk: true },
      worker: true,
    });
  });

  it('shows Bull Board at /admin/queues to ADMIN only', async () => {
    await t.http().get('/admin/queues').expect(401);
    const auditor = await t
      .http()
      .get('/admin/queues')
      .auth(await t.tokenFor('AUDITOR'), { type: 'bearer' });
    expect(auditor.status).toBe(403);
    expect(auditor.headers['content-type']).toMatch(PROBLEM);
    // A token granting ADMIN too, acting as SEKRETARIAT: still not ADMIN.
    const acting = await t
      .http()
      .get('/admin/queues')
      .auth(await t.tokenFor(['SEKRETARIAT', 'ADMIN']), { type: 'bearer' });
    expect(acting.status).toBe(403);
    const admin = await t
      .http()
      .get('/admin/queues')
      .auth(await t.tokenFor('ADMIN'), { type: 'bearer' });
    expect(admin.status).toBe(200);
    expect(admin.headers['content-type']).toContain('text/html');
    const queues = await t
      .http()
      .get('/admin/queues/api/queues')
      .auth(await t.tokenFor('ADMIN'), { type: 'bearer' })
      .expect(200);
    expect((queues.body as { queues: { name: string }[] }).queues.map((q) => q.name)).toEqual([
      'reminders',
    ]);
  });
});

describe('reminders in the API with WORKERS=off: the worker hosts them', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKERS: 'off' } });
  });
  afterAll(() => t.close());

  it('still serves the records, says so on /health, and mounts no Bull Board', async () => {
    const h = selectionHttp(t);
    const id = (
      (await h.open({ kind: JPTP, title: 'Seleksi uji tanpa pekerja' })).body as { id: string }
    ).id;
    expect((await h.get(`/selections/${id}/reminders`)).body).toEqual({ items: [] });
    const health = await t.http().get('/health').expect(200);
    expect((health.body as { details: Record<string, unknown> }).details.reminders).toEqual({
      status: 'up',
      hosted: 'worker',
    });
    const board = await t
      .http()
      .get('/admin/queues')
      .auth(await t.tokenFor('ADMIN'), { type: 'bearer' });
    expect(board.status).toBe(404);
  });
});
