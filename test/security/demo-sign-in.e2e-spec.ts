import { readFileSync } from 'node:fs';
import { ConfigValidationError, loadApiConfig, type Env } from '../../apps/api/src/api.config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The variables the Docker image sets (its runtime stage's ENV), as the container sees them. */
function dockerImageEnv(): Env {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
  const block = /\nENV ([\s\S]*?)\n(?!\s)/.exec(runtime)?.[1] ?? '';
  const pairs = block
    .split(/\\\n/)
    .map((line) => line.trim().split('='))
    .filter((pair): pair is [string, string] => pair.length === 2);
  return Object.fromEntries(pairs);
}

function problemsOf(env: Env, defaults?: { demoSignIn?: 'on' | 'off' }): string[] {
  try {
    loadApiConfig(env, defaults);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems.map((p) => `${p.variable}: ${p.message}`);
  }
  return [];
}

const NO_SECRET = { JWT_SECRET: '' };

describe('POST /auth/demo-token exists only when opted in, on loopback, outside production', () => {
  let optedIn: TestApp;
  let notOptedIn: TestApp;

  beforeAll(async () => {
    [optedIn, notOptedIn] = await Promise.all([
      startTestApp({ env: { ...NO_SECRET, DEMO_SIGN_IN: 'on', HOST: '127.0.0.1' } }),
      // Before: embedded without a secret was enough for anyone who reached the port.
      startTestApp({ env: { ...NO_SECRET, HOST: '127.0.0.1' } }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([optedIn?.close(), notOptedIn?.close()]);
  });

  it('gives a working token with DEMO_SIGN_IN=on on a loopback server', async () => {
    const config = await optedIn.http().get('/ui/config.json').expect(200);
    expect(config.body).toMatchObject({ demoSignIn: true });
    const granted = await optedIn.http().post('/auth/demo-token').send({ role: 'PPK' }).expect(201);
    await optedIn
      .http()
      .get('/selections')
      .set('authorization', `Bearer ${granted.body.token}`)
      .expect(200);
  });

  it('answers 404 without the opt-in, and /ui/config.json does not advertise it', async () => {
    const config = await notOptedIn.http().get('/ui/config.json').expect(200);
    expect(config.body).toMatchObject({ demoSignIn: false, demoRoles: [] });
    const refused = await notOptedIn
      .http()
      .post('/auth/demo-token')
      .send({ role: 'PPK' })
      .expect(404);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers 404 to a client that is not on this machine, even when opted in', async () => {
    const response = await optedIn.app.inject({
      method: 'POST',
      url: '/auth/demo-token',
      payload: { role: 'PPK' },
      remoteAddress: '10.1.2.3',
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('token"');
  });

  it('is off on a non-loopback bind (npm start default) and in production', async () => {
    const wide = await startTestApp({ env: { ...NO_SECRET, HOST: '0.0.0.0' } });
    try {
      expect(wide.config.security.demoSignIn).toBe(false);
      await wide.http().post('/auth/demo-token').send({ role: 'PPK' }).expect(404);
      const config = await wide.http().get('/ui/config.json').expect(200);
      expect(config.body.demoSignIn).toBe(false);
    } finally {
      await wide.close();
    }
    // `npm start`'s default turns it on only where it may be.
    expect(loadApiConfig({ HOST: '0.0.0.0' }, { demoSignIn: 'on' }).security.demoSignIn).toBe(
      false,
    );
    expect(loadApiConfig({ HOST: '127.0.0.1' }, { demoSignIn: 'on' }).security.demoSignIn).toBe(
      true,
    );
    expect(
      loadApiConfig({ HOST: '127.0.0.1', DEMO_SIGN_IN: 'off' }, { demoSignIn: 'on' }).security
        .demoSignIn,
    ).toBe(false);
    expect(loadApiConfig({ HOST: '::1' }, { demoSignIn: 'on' }).security.demoSignIn).toBe(true);
  });

  it('limits the demo token per client: 429 with Retry-After past RATE_LIMIT_DEMO_SIGN_IN', async () => {
    const limited = await startTestApp({
      env: { ...NO_SECRET, DEMO_SIGN_IN: 'on', RATE_LIMIT_DEMO_SIGN_IN: '2/1m' },
    });
    try {
      await limited.http().post('/auth/demo-token').send({ role: 'PPK' }).expect(201);
      await limited.http().post('/auth/demo-token').send({ role: 'PPK' }).expect(201);
      const refused = await limited
        .http()
        .post('/auth/demo-token')
        .send({ role: 'PPK' })
        .expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await limited.close();
    }
  });

  it('stops the boot when DEMO_SIGN_IN=on is asked for where it cannot hold', () => {
    expect(problemsOf({ DEMO_SIGN_IN: 'on', HOST: '0.0.0.0' })).toEqual([
      expect.stringMatching(/^DEMO_SIGN_IN: .*HOST=0\.0\.0\.0/),
    ]);
    expect(problemsOf({ DEMO_SIGN_IN: 'on', HOST: '192.168.1.10' })).toHaveLength(1);
    expect(
      problemsOf({ DEMO_SIGN_IN: 'on', NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(48) }),
    ).toEqual([expect.stringMatching(/^DEMO_SIGN_IN: .*NODE_ENV=production/)]);
    expect(problemsOf({ DEMO_SIGN_IN: 'on', JWT_SECRET: 'x'.repeat(48) })).toEqual([
      expect.stringMatching(/^DEMO_SIGN_IN: .*JWT_SECRET/),
    ]);
  });

  it('refuses to boot with NODE_ENV=production and no JWT_SECRET or JWKS', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^JWT_SECRET: is required/),
    ]);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(48) })).toEqual([]);
  });

  it("the Docker image's environment refuses to start without a secret, and never has demo sign-in", () => {
    const image = dockerImageEnv();
    expect(image).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(problemsOf(image, { demoSignIn: 'on' })).toEqual([
      expect.stringMatching(/^JWT_SECRET: is required/),
    ]);
    const withSecret = loadApiConfig(
      { ...image, JWT_SECRET: 'x'.repeat(48) },
      { demoSignIn: 'on' },
    );
    expect(withSecret.security.demoSignIn).toBe(false);
    expect(problemsOf({ ...image, JWT_SECRET: 'x'.repeat(48), DEMO_SIGN_IN: 'on' })).toHaveLength(
      1,
    );
  });
});
