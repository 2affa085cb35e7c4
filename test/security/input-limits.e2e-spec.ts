import { problemFor } from '../../apps/api/src/http/problem-mapping.js';
import { INPUT_LIMITS, jsonShapeViolation } from '../../apps/api/src/security/input-limits.js';
import { openRequestOf } from '../../apps/api/src/selections/open-request.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('depth, member and query-string limits, before validation', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('SEKRETARIAT');
  });

  afterAll(async () => {
    await t?.close();
  });

  const open = (body: string) =>
    t
      .http()
      .post('/selections')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json')
      .send(body);

  it('answers a 10,000-level body 400 naming the limit (it was a 500: the validator overflowed the stack)', async () => {
    const response = await open(nested(10_000)).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, limit: 'maxDepth', maximum: 64 });
    expect(response.body.detail).toContain('64');
    expect(await t.store.readAll()).toEqual([]);
  });

  it('without the guard the same body reaches validation and crashes it: a 500 (the bug the guard fixes)', async () => {
    const body = {
      kind: 'jptp-open-selection',
      title: 'x',
      a: JSON.parse(nested(10_000)) as unknown,
    };
    const error = await openRequestOf(body, () => undefined).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(RangeError);
    expect(problemFor(error).problem.status).toBe(500);
  });

  it('answers a body over the member limit 400, a body at the limits goes on to validation', async () => {
    const many = JSON.stringify(
      Object.fromEntries(Array.from({ length: INPUT_LIMITS.maxKeys + 1 }, (_, i) => [`k${i}`, i])),
    );
    const refused = await open(many).expect(400);
    expect(refused.body).toMatchObject({ limit: 'maxKeys', maximum: INPUT_LIMITS.maxKeys });
    // 64 levels is allowed: the body reaches validation, which names the unknown field.
    const deepButAllowed = await open(
      JSON.stringify({ kind: 'jptp-open-selection', title: 'x', extra: JSON.parse(nested(63)) }),
    ).expect(400);
    expect(deepButAllowed.body.limit).toBeUndefined();
  });

  it('answers a query string with too many parameters 400 naming the limit', async () => {
    const query = Array.from({ length: INPUT_LIMITS.maxQueryParameters + 1 }, (_, i) => `p=${i}`);
    const response = await t
      .http()
      .get(`/selections?${query.join('&')}`)
      .set('authorization', `Bearer ${token}`)
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ limit: 'maxQueryParameters', maximum: 100 });
  });

  it('scans cheaply and skips strings (brackets and colons inside strings do not count)', () => {
    expect(jsonShapeViolation(JSON.stringify({ a: '[[[[:::{{{'.repeat(1_000) }))).toBeUndefined();
    expect(jsonShapeViolation(JSON.stringify({ a: 'say \\"[[[' }))).toBeUndefined();
    expect(jsonShapeViolation(nested(64))).toBeUndefined();
    expect(jsonShapeViolation(nested(65))).toMatchObject({ limit: 'maxDepth' });
    const big = JSON.stringify(Array.from({ length: 100_000 }, () => ({ x: 'y' })).slice(0, 9_000));
    const started = performance.now();
    expect(jsonShapeViolation(big)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
