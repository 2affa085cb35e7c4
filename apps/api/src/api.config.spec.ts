import { join, resolve } from 'node:path';
import { ConfigValidationError, loadApiConfig, type Env } from './api.config.js';

const SECRET = 'x'.repeat(48);

function problemsOf(env: Env): { variable: string; message: string }[] {
  try {
    loadApiConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return [...(error as ConfigValidationError).problems];
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadApiConfig', () => {
  describe('with no variables at all', () => {
    const config = loadApiConfig({});

    it('runs the embedded store under ./data on port 3000', () => {
      expect(config).toMatchObject({
        port: 3000,
        host: '127.0.0.1',
        dataDir: resolve('data'),
        eventStore: { kind: 'embedded', path: resolve('data/jejak.db') },
        redisUrl: 'redis://127.0.0.1:6379',
        workers: 'inline',
        bodyLimit: 1048576,
        membershipCheck: 'off',
        publicBaseUrl: 'http://127.0.0.1:3000',
        logLevel: 'info',
      });
    });

    it('generates the JWT secret into the data directory', () => {
      expect(config.auth).toEqual({ generatedSecretDir: resolve('data') });
    });

    it('is frozen', () => {
      expect(Object.isFrozen(config)).toBe(true);
    });
  });

  it('treats empty values as unset (a ConfigMap cannot leave a key out)', () => {
    expect(loadApiConfig({ PORT: '', JWT_SECRET: '', METRICS_PORT: '' })).toMatchObject({
      port: 3000,
    });
  });

  it('places the embedded file under DATA_DIR unless EVENT_STORE_PATH says otherwise', () => {
    expect(loadApiConfig({ DATA_DIR: '/srv/jejak' }).eventStore).toEqual({
      kind: 'embedded',
      path: '/srv/jejak/jejak.db',
    });
    expect(loadApiConfig({ EVENT_STORE_PATH: '/tmp/x.db' }).eventStore.path).toBe('/tmp/x.db');
  });

  it('reads a PostgreSQL deployment', () => {
    const config = loadApiConfig({
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgres://jejak@db:5432/jejak',
      JWT_SECRET: SECRET,
      WORKERS: 'off',
      PORT: '8080',
      HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({
      eventStore: { kind: 'postgres', databaseUrl: 'postgres://jejak@db:5432/jejak' },
      auth: { secret: SECRET },
      workers: 'off',
      publicBaseUrl: 'http://127.0.0.1:8080',
    });
  });

  it('keeps EventStoreDB read models in PostgreSQL when DATABASE_URL is set, else embedded', () => {
    const base = {
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://kdb:2113?tls=false',
      JWT_SECRET: SECRET,
    };
    expect(loadApiConfig({ ...base, DATABASE_URL: 'postgres://db/jejak' }).eventStore).toEqual({
      kind: 'eventstoredb',
      connectionString: 'esdb://kdb:2113?tls=false',
      readModels: { kind: 'postgres', databaseUrl: 'postgres://db/jejak' },
    });
    expect(loadApiConfig({ ...base, DATA_DIR: '/d' }).eventStore.readModels).toEqual({
      kind: 'embedded',
      path: join('/d', 'jejak-read-models.db'),
    });
  });

  it('takes a kurrentdb:// connection string (the @kurrent/kurrentdb-client adapter)', () => {
    const connectionString = 'kurrentdb://admin:changeit@kdb:2113?tlsCAFile=/certs/ca.crt';
    expect(
      loadApiConfig({
        EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: connectionString,
        JWT_SECRET: SECRET,
      }).eventStore,
    ).toMatchObject({ kind: 'eventstoredb', connectionString });
  });

  it('trusts an OIDC issuer with JWKS, issuer and audience', () => {
    expect(
      loadApiConfig({
        JWT_JWKS_URL: 'https://sso.example/certs',
        JWT_ISSUER: 'https://sso.example',
        JWT_AUDIENCE: 'jejak',
      }).auth,
    ).toEqual({
      jwksUrl: 'https://sso.example/certs',
      issuer: 'https://sso.example',
      audience: 'jejak',
    });
  });

  describe('rejects invalid values, naming the variable', () => {
    it.each<[Env, string, RegExp]>([
      [{ PORT: 'abc' }, 'PORT', /integer from 0 to 65535 \(got "abc"\)/],
      [{ PORT: '70000' }, 'PORT', /integer/],
      [{ EVENT_STORE: 'mongodb' }, 'EVENT_STORE', /one of embedded, postgres, eventstoredb/],
      [
        { EVENT_STORE: 'postgres', JWT_SECRET: SECRET },
        'DATABASE_URL',
        /required when EVENT_STORE=postgres/,
      ],
      [
        { EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://x', JWT_SECRET: SECRET },
        'DATABASE_URL',
        /postgres: or postgresql:/,
      ],
      [
        { EVENT_STORE: 'eventstoredb', JWT_SECRET: SECRET },
        'EVENTSTORE_CONNECTION_STRING',
        /required/,
      ],
      [{ JWT_SECRET: 'short' }, 'JWT_SECRET', /at least 32 bytes/],
      [
        { EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/x' },
        'JWT_SECRET',
        /required \(or JWT_JWKS_URL\)/,
      ],
      [
        { JWT_JWKS_URL: 'https://sso/certs', JWT_AUDIENCE: 'a' },
        'JWT_ISSUER',
        /required with JWT_JWKS_URL/,
      ],
      [
        { JWT_JWKS_URL: 'https://sso/certs', JWT_ISSUER: 'i' },
        'JWT_AUDIENCE',
        /required with JWT_JWKS_URL/,
      ],
      [{ JWT_JWKS_URL: 'not a url', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, 'JWT_JWKS_URL', /URL/],
      [{ REDIS_URL: 'http://redis' }, 'REDIS_URL', /redis: or rediss:/],
      [{ WORKERS: 'yes' }, 'WORKERS', /one of inline, off/],
      [{ BODY_LIMIT: '1mb' }, 'BODY_LIMIT', /integer/],
      [{ MEMBERSHIP_CHECK: 'on' }, 'MEMBERSHIP_CHECK', /strict, off/],
      [{ PUBLIC_BASE_URL: 'jejak.example' }, 'PUBLIC_BASE_URL', /URL/],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of fatal/],
      [{ METRICS_PORT: '0' }, 'METRICS_PORT', /integer from 1/],
    ])('%j -> %s', (env, variable, message) => {
      const problems = problemsOf(env);
      expect(problems).toContainEqual({ variable, message: expect.stringMatching(message) });
    });

    it('names every variable at fault at once, and the message names them too', () => {
      expect(() => loadApiConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT:.*\n.*LOG_LEVEL:/);
    });

    it('never echoes a secret value', () => {
      expect(() => loadApiConfig({ JWT_SECRET: 'hunter2' })).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
      );
      expect(() => loadApiConfig({ METRICS_PORT: 'abc', METRICS_TOKEN: 'tok' })).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('tok"') }),
      );
    });
  });
});
