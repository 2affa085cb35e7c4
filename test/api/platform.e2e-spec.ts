import { signToken } from '@jejak/auth';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app.js';
import { ProbeModule } from './probe.module.js';

const PROBLEM = /^application\/problem\+json/;

describe('API platform (real app, embedded store, real Redis)', () => {
  let t: TestApp;

  // Booting the app takes a few seconds on a busy machine.
  beforeAll(async () => {
    t = await startTestApp({ imports: [ProbeModule], env: { BODY_LIMIT: '2048' } });
  }, 30_000);
  afterAll(() => t.close(), 30_000);

  describe('authentication', () => {
    it('answers 401 problem+json without a token, with WWW-Authenticate', async () => {
      const response = await t.http().get('/probe/whoami').expect(401);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="jejak"');
      expect(response.body).toEqual({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'A bearer token is required (Authorization: Bearer <token>)',
      });
    });

    it.each([
      ['garbage', () => Promise.resolve('not.a.token'), 'the token is malformed'],
      [
        'another secret',
        () => signToken({ secret: `${TEST_JWT_SECRET}x`, sub: 'x', name: 'x', roles: ['PPK'] }),
        'the signature does not verify',
      ],
      [
        'expired',
        () =>
          signToken({
            secret: TEST_JWT_SECRET,
            sub: 'x',
            name: 'x',
            roles: ['PPK'],
            now: new Date(Date.now() - 3 * 3600_000),
            ttl: '1h',
          }),
        'the token has expired',
      ],
    ])('answers 401 for a %s token, saying why', async (_case, token, reason) => {
      const response = await t
        .http()
        .get('/probe/whoami')
        .set('Authorization', `Bearer ${await token()}`)
        .expect(401);
      expect(response.body.detail).toBe(`Invalid token: ${reason}`);
    });

    it('takes the actor from the token: sub, name, nip and the first role', async () => {
      const token = await t.tokenFor(['SEKRETARIAT', 'PANSEL'], {
        sub: 'rina',
        name: 'Rina Bere',
        nip: '198203152006042011',
      });
      const response = await t
        .http()
        .get('/probe/whoami')
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(response.body).toEqual({
        sub: 'rina',
        name: 'Rina Bere',
        nip: '198203152006042011',
        role: 'SEKRETARIAT',
      });
    });

    it('acts in the role named by X-Jejak-Role when the token grants it', async () => {
      const token = await t.tokenFor(['SEKRETARIAT', 'PANSEL']);
      const response = await t
        .http()
        .get('/probe/whoami')
        .auth(token, { type: 'bearer' })
        .set('X-Jejak-Role', 'PANSEL')
        .expect(200);
      expect(response.body.role).toBe('PANSEL');
    });

    it('answers 403 when X-Jejak-Role names a role the token does not grant', async () => {
      const token = await t.tokenFor('SEKRETARIAT');
      const response = await t
        .http()
        .get('/probe/whoami')
        .auth(token, { type: 'bearer' })
        .set('X-Jejak-Role', 'PPK')
        .expect(403);
      expect(response.body).toMatchObject({
        type: 'urn:jejak:problem:role-not-granted',
        requestedRole: 'PPK',
        grantedRoles: ['SEKRETARIAT'],
      });
    });

    it('answers 403 listing the allowed roles when the role may not call the route', async () => {
      const response = await t
        .http()
        .get('/probe/ppk-only')
        .auth(await t.tokenFor('AUDITOR'), { type: 'bearer' })
        .expect(403);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({
        status: 403,
        role: 'AUDITOR',
        allowedRoles: ['PPK', 'SEKDA'],
      });
      await t
        .http()
        .get('/probe/ppk-only')
        .auth(await t.tokenFor('SEKDA'), { type: 'bearer' })
        .expect(200, { role: 'SEKDA' });
    });
  });

  describe('bodies and validation', () => {
    let token: string;
    beforeAll(async () => {
      token = await t.tokenFor('SEKRETARIAT');
    });
    const post = () => t.http().post('/probe/echo').auth(token, { type: 'bearer' });

    it('answers 400 naming every field, nested and in arrays, and unknown ones', async () => {
      const response = await post()
        .send({
          count: 0,
          vacancies: [{ positionName: 'Kepala Dinas', tmt: '2024-08-01' }, { tmt: 'soon' }],
          extra: 'x',
        })
        .expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({
        type: 'urn:jejak:problem:validation-failed',
        title: 'The request is not valid',
        status: 400,
      });
      const fields = (response.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(
        ['count', 'extra', 'title', 'vacancies[1].positionName', 'vacancies[1].tmt'].sort(),
      );
    });

    it('accepts and transforms a valid body', async () => {
      const body = { title: 'x', count: 2, vacancies: [{ positionName: 'p', tmt: '2024-08-01' }] };
      await post().send(body).expect(201, { received: body });
    });

    it('answers 415 for a text body and for a form, whatever the route', async () => {
      const text = await post().set('Content-Type', 'text/plain').send('title=x').expect(415);
      expect(text.headers['content-type']).toMatch(PROBLEM);
      expect(text.body).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
      await post()
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('title=x')
        .expect(415);
    });

    it('answers 413 over BODY_LIMIT, saying the limit', async () => {
      const response = await post()
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ title: 'x'.repeat(4096) }))
        .expect(413);
      expect(response.body).toMatchObject({ status: 413, limit: 2048 });
    });

    it('answers 400 for malformed JSON and for prototype poisoning', async () => {
      await post().set('Content-Type', 'application/json').send('{"title":').expect(400);
      const poisoned = await post()
        .set('Content-Type', 'application/json')
        .send('{"title":"x","__proto__":{"admin":true}}')
        .expect(400);
      expect(poisoned.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('faults and unknown routes', () => {
    it('answers a fault with a generic 500 naming the correlation id, and logs it', async () => {
      const response = await t
        .http()
        .get('/probe/fail')
        .auth(await t.tokenFor('ADMIN'), { type: 'bearer' })
        .set('X-Request-Id', 'fault-1')
        .expect(500);
      expect(response.body).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'Something went wrong on our side. Quote fault-1 when reporting it.',
        correlationId: 'fault-1',
      });
      expect(JSON.stringify(response.body)).not.toContain('hunter2');
      const logged = t.logs.find(
        (line) => line.context === 'ProblemDetailsFilter' && line.correlationId === 'fault-1',
      );
      expect(logged).toMatchObject({ level: 'error', err: { message: expect.any(String) } });
    });

    it('answers an unknown route 404 problem+json', async () => {
      const response = await t.http().get('/nowhere').expect(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('public routes', () => {
    it('serves /health without a token, reporting the store, Redis and subscription lag', async () => {
      const response = await t.http().get('/health').expect(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        details: {
          store: { status: 'up' },
          redis: { status: 'up' },
          subscriptions: { status: 'up', lag: expect.any(Object) },
        },
      });
      await t.http().get('/health/live').expect(200, { status: 'ok' });
    });

    it('serves the OpenAPI document at /docs-json without a token, with bearer auth and X-Jejak-Role', async () => {
      const response = await t.http().get('/docs-json').expect(200);
      expect(response.body).toMatchObject({
        openapi: expect.stringMatching(/^3\./),
        info: { title: 'jejak' },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
      });
      expect(response.body.paths['/health']).toBeDefined();
      expect(response.body.paths['/probe/echo']).toBeDefined();
      expect(JSON.stringify(response.body)).toContain('X-Jejak-Role');
    });

    it('serves the Swagger UI at /docs without a token', async () => {
      const page = await t.http().get('/docs').expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      await t.http().get('/docs/swagger-ui-bundle.js').expect(200);
    });
  });
});
