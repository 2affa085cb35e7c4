/**
 * The OpenAPI-driven fuzz run (as Schemathesis does): for every operation in `/docs-json`, inputs
 * generated from its schemas, valid and broken, with valid, expired, foreign and missing tokens
 * in every role. Each answer must be a status the operation documents, never a 5xx, with a
 * problem+json body for every error, and a refused request writes no event. Seeded and bounded:
 * a failure prints the seed, the path the run took and the shrunk input (fast-check's report);
 * rerun one with FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';
import { signToken } from '@jejak/auth';
import { ROLES } from '@jejak/workflows';
import { openRequestOf } from '../../apps/api/src/selections/open-request.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_208);
/** Cases per operation: the budget that keeps the run near half a minute on two idle cores. */
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 150);
const BUDGET_MS = 5 * 60_000;

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, unknown>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

/** A JSON value of the schema's shape (roughly: enough to get past the first field check). */
function arbitraryOf(schema: Schema | undefined, doc: Document, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined || depth > 5) return fc.jsonValue({ maxDepth: 2 });
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return arbitraryOf(doc.components?.schemas?.[name], doc, depth + 1);
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.oneOf ?? schema.anyOf) {
    return fc.oneof(
      ...(schema.oneOf ?? schema.anyOf ?? []).map((s) => arbitraryOf(s, doc, depth + 1)),
    );
  }
  if (schema.allOf) {
    return fc
      .tuple(...schema.allOf.map((s) => arbitraryOf(s, doc, depth + 1)))
      .map(
        (parts): unknown =>
          Object.assign(
            {},
            ...parts.filter((p): p is object => p !== null && typeof p === 'object'),
          ) as object,
      );
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'date')
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'date-time')
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      return fc.oneof(
        fc.string({
          minLength: schema.minLength ?? 0,
          maxLength: Math.min(schema.maxLength ?? 40, 40),
        }),
        fc.constantFrom(
          '198001012005011001',
          '2026-03-01',
          'A-PANSEL',
          '../../etc/passwd',
          "' OR 1=1 --",
        ),
      );
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 1_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 1_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(arbitraryOf(schema.items, doc, depth + 1), { maxLength: 3 });
    case 'object':
    case undefined: {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
          maxKeys: 3,
        });
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, s]) => [key, arbitraryOf(s, doc, depth + 1)]),
        ),
        { requiredKeys: (schema.required ?? []).filter((key) => key in properties) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Broken bodies: any JSON, wrong types, deep nesting, and not JSON at all. */
const hostileBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .integer({ min: 60, max: 12_000 })
    .map((levels) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`),
  fc
    .integer({ min: 60, max: 12_000 })
    .map((levels) => `${'['.repeat(levels)}${']'.repeat(levels)}`),
  fc.constantFrom('{', '{"kind":', 'null', '[]', '"x"', '{"__proto__":{"admin":true}}', ''),
);

type Case = {
  path: string;
  query: string;
  body?: string;
  contentType: string;
  token: string;
  role?: string;
};

describe('OpenAPI-driven fuzz run: documented statuses, problem+json, never a 5xx, nothing written when refused', () => {
  let t: TestApp;
  let doc: Document;
  let selectionId: string;
  const tokens: string[] = [];

  beforeAll(async () => {
    // Generous rate limits: the run is one client sending many commands on purpose.
    t = await startTestApp({ env: { RATE_LIMIT_COMMANDS: 'off', RATE_LIMIT_AUDIT_VERIFY: 'off' } });
    doc = (await t.http().get('/docs-json').expect(200)).body as Document;
    const opened = await t
      .http()
      .post('/selections')
      .auth(await t.tokenFor('SEKRETARIAT'), { type: 'bearer' })
      .send({ kind: 'jptp-open-selection', title: 'Seleksi untuk fuzz' })
      .expect(201);
    selectionId = opened.body.id as string;
    for (const role of ROLES) tokens.push(await t.tokenFor(role));
    tokens.push(
      await t.tokenFor(['SEKRETARIAT', 'PPK', 'AUDITOR']),
      await signToken({
        secret: TEST_JWT_SECRET,
        sub: 'old',
        name: 'Old',
        roles: ['PPK'],
        ttl: '1s',
        now: new Date(Date.now() - 3_600_000),
      }),
      await signToken({
        secret: 'another-secret-0123456789-abcdefghijklmnop',
        sub: 'x',
        name: 'X',
        roles: ['PPK'],
      }),
      'not-a-jwt',
      'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiUFBLIl19.',
      '',
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  const caseFor = (template: string, operation: Operation): fc.Arbitrary<Case> => {
    const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
    const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
    const path = fc
      .tuple(
        ...pathParams.map(() =>
          fc.oneof(
            { weight: 4, arbitrary: fc.constant(selectionId) },
            { weight: 1, arbitrary: fc.uuid() },
            {
              weight: 1,
              arbitrary: fc.constantFrom('..%2F..%2Fetc', "1'%20OR%201=1", 'x'.repeat(300), '%00'),
            },
          ),
        ),
      )
      .map((values) =>
        pathParams.reduce(
          (p, param, i) => p.replace(`{${param.name}}`, String(values[i])),
          template,
        ),
      );
    const query = fc
      .tuple(...queryParams.map((p) => fc.option(arbitraryOf(p.schema, doc), { nil: undefined })))
      .map((values) =>
        queryParams
          .map((p, i) =>
            values[i] === undefined
              ? ''
              : `${p.name}=${encodeURIComponent(typeof values[i] === 'string' ? values[i] : JSON.stringify(values[i]))}`,
          )
          .filter((pair) => pair !== '')
          .join('&'),
      );
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    const body = operation.requestBody
      ? fc.oneof(
          { weight: 3, arbitrary: arbitraryOf(schema, doc).map((value) => JSON.stringify(value)) },
          { weight: 2, arbitrary: hostileBody },
        )
      : fc.constant(undefined);
    return fc.record({
      path,
      query,
      body,
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json',
        'text/plain',
      ),
      token: fc.constantFrom(...tokens),
      role: fc.option(fc.constantFrom(...ROLES, 'ROOT'), { nil: undefined, freq: 4 }),
    });
  };

  it(
    'holds for every operation in /docs-json',
    async () => {
      const started = Date.now();
      const operations = Object.entries(doc.paths).flatMap(([template, item]) =>
        Object.entries(item)
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, operation]) => ({ template, method: method.toUpperCase(), operation })),
      );
      expect(operations.length).toBeGreaterThan(20);
      let requests = 0;
      for (const { template, method, operation } of operations) {
        if (Date.now() - started > BUDGET_MS)
          throw new Error(`fuzz budget of ${BUDGET_MS} ms exceeded at ${method} ${template}`);
        const documented = new Set(Object.keys(operation.responses));
        await fc.assert(
          fc.asyncProperty(caseFor(template, operation), async (input) => {
            const before = method === 'GET' ? 0 : (await t.store.readAll()).length;
            const response = await t.app.inject({
              method: method as 'GET' | 'POST',
              url: input.query ? `${input.path}?${input.query}` : input.path,
              headers: {
                ...(input.token ? { authorization: `Bearer ${input.token}` } : {}),
                ...(input.role ? { 'x-jejak-role': input.role } : {}),
                ...(input.body === undefined ? {} : { 'content-type': input.contentType }),
              },
              ...(input.body === undefined ? {} : { payload: input.body }),
            });
            requests++;
            const status = response.statusCode;
            const where = `${method} ${template} answered ${status}: ${response.body.slice(0, 300)}`;
            if (status >= 500) throw new Error(`a 5xx: ${where}`);
            if (!documented.has(String(status)))
              throw new Error(`an undocumented status: ${where}`);
            if (status >= 400) {
              if (
                !String(response.headers['content-type']).startsWith('application/problem+json')
              ) {
                throw new Error(`an error without problem+json: ${where}`);
              }
              const problem = JSON.parse(response.body) as { status?: number; title?: string };
              if (problem.status !== status || typeof problem.title !== 'string') {
                throw new Error(`a malformed problem: ${where}`);
              }
              if (method !== 'GET' && (await t.store.readAll()).length !== before) {
                throw new Error(`a refused request wrote an event: ${where}`);
              }
            }
          }),
          { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: false },
        );
      }
      expect(requests).toBeGreaterThanOrEqual(operations.length * RUNS_PER_OPERATION);
    },
    6 * 60_000,
  );

  it('its body generator finds the 10,000-level body that crashed validation without the depth guard', async () => {
    // The same hostile bodies, straight into validation (what happened before the guard).
    const result = await fc.check(
      fc.asyncProperty(hostileBody, async (text) => {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          return true;
        }
        const body = { kind: 'jptp-open-selection', title: 'x', nested: value };
        const outcome = await openRequestOf(body, () => undefined).then(
          () => 'ok',
          (error: unknown) => (error instanceof RangeError ? 'crash' : 'refused'),
        );
        return outcome !== 'crash';
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(result.failed).toBe(true);
    const [text] = result.counterexample ?? [''];
    // Shrunk to the shallowest body that still crashes: thousands of levels.
    expect(text.length).toBeGreaterThan(1_000);
  });
});
