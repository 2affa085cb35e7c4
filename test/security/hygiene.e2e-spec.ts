import { statSync } from 'node:fs';
import { parseRemindersConfig } from '@jejak/reminders';
import { ConfigValidationError, loadApiConfig, type Env } from '../../apps/api/src/api.config.js';
import { scrubHealthText } from '../../apps/api/src/security/response-hygiene.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

function problemsOf(env: Env): string[] {
  try {
    loadApiConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems.map((p) => `${p.variable}: ${p.message}`);
  }
  return [];
}

describe('personal-data answers, data files and /health tell no more than they must', () => {
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    const opened = await t
      .http()
      .post('/selections')
      .auth(await t.tokenFor('SEKRETARIAT'), { type: 'bearer' })
      .send({ kind: 'jptp-open-selection', title: 'Seleksi uji' })
      .expect(201);
    id = opened.body.id as string;
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    '/selections',
    '/selections/{id}/events',
    '/selections/{id}/state?revision=1',
    '/selections/{id}/timeline',
    '/selections/{id}/export?format=json',
    '/selections/{id}/reminders',
    '/selections/00000000-0000-4000-8000-000000000000', // a 404 too
  ])('%s: Cache-Control no-store and nosniff', async (template) => {
    const response = await t
      .http()
      .get(template.replace('{id}', id))
      .auth(await t.tokenFor('AUDITOR'), { type: 'bearer' });
    expect(response.status).toBeLessThan(500);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('creates DATA_DIR 0700 and the database file 0600', () => {
    expect(statSync(t.dataDir).mode & 0o777).toBe(0o700);
    const { eventStore } = t.config;
    expect(eventStore.kind).toBe('embedded');
    if (eventStore.kind === 'embedded')
      expect(statSync(eventStore.path ?? '').mode & 0o777).toBe(0o600);
  });

  it('/health names the dependency that is down, never its host or user', async () => {
    // WORKERS=off: no private redis-server takes over, so /health pings REDIS_URL, which is down.
    const down = await startTestApp({
      env: { REDIS_URL: 'redis://jejak:pw@127.0.0.1:1', WORKERS: 'off' },
    });
    try {
      const response = await down.http().get('/health');
      expect(response.status).toBe(503);
      expect(response.text).toContain('redis');
      expect(response.text).not.toMatch(/127\.0\.0\.1|jejak:pw|redis:\/\//);
    } finally {
      await down.close();
    }
    expect(
      scrubHealthText(
        'password authentication failed for user "jejak" at db.internal.example:5432, postgres://a:b@10.0.0.7/x, [::1]:6379, redis:6379',
      ),
    ).toBe(
      'password authentication failed for user (hidden) at (host hidden), (url hidden), (address hidden), (address hidden)',
    );
  });
});

describe('configuration refuses weak trust settings', () => {
  it('refuses JWT_JWKS_URL over http: except on loopback', () => {
    const oidc = { JWT_ISSUER: 'https://id.example', JWT_AUDIENCE: 'jejak' };
    expect(problemsOf({ ...oidc, JWT_JWKS_URL: 'http://id.example/jwks.json' })).toEqual([
      expect.stringMatching(/^JWT_JWKS_URL: must be https/),
    ]);
    expect(problemsOf({ ...oidc, JWT_JWKS_URL: 'https://id.example/jwks.json' })).toEqual([]);
    expect(problemsOf({ ...oidc, JWT_JWKS_URL: 'http://127.0.0.1:8080/jwks.json' })).toEqual([]);
  });

  it('refuses a WEBHOOK_SECRET shorter than 32 bytes', () => {
    expect(() =>
      parseRemindersConfig({ WEBHOOK_URL: 'https://hooks.example/x', WEBHOOK_SECRET: 'short' }),
    ).toThrow(/WEBHOOK_SECRET must be at least 32 bytes/);
    expect(
      parseRemindersConfig({
        WEBHOOK_URL: 'https://hooks.example/x',
        WEBHOOK_SECRET: 'x'.repeat(32),
      }),
    ).toBeDefined();
  });
});
