import { commandCatalog } from '@jejak/selections';
import { procedures } from '@jejak/workflows';
import type { TestApp } from '../support/test-app.js';
import { startSelectionsApp } from './support/selections-app.js';
import { expectStatus } from './support/selection-http.js';

type Operation = {
  description: string;
  requestBody: {
    content: { 'application/json': { schema: { $ref?: string; oneOf?: { $ref: string }[] } } };
  };
  responses: Record<string, unknown>;
  'x-jejak-roles': Record<string, string[]>;
  'x-jejak-states': Record<string, string[]>;
};

describe('selections in /docs-json', () => {
  let t: TestApp;
  let document: {
    paths: Record<string, { post?: Operation }>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };

  beforeAll(async () => {
    t = await startSelectionsApp({ env: { WORKERS: 'off' } });
    document = expectStatus(await t.http().get('/docs-json'), 200).body;
  });
  afterAll(() => t.close());

  it('lists the selection endpoints of issue 4', () => {
    for (const path of [
      '/selections',
      '/selections/{id}',
      '/selections/{id}/events',
      '/selections/{id}/state',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    expect(document.paths['/selections/{id}/commands/{type}']).toBeUndefined();
  });

  it.each(
    commandCatalog(procedures)
      .filter((e) => e.type !== 'OpenSelection')
      .map((e) => [e.kind, e.type, e] as const),
  )(
    '%s %s: its schema, the roles allowed, the states accepted and the errors',
    (kind, type, entry) => {
      const operation = document.paths[`/selections/{id}/commands/${type}`]?.post;
      expect(operation).toBeDefined();
      expect(operation!['x-jejak-roles'][kind]).toEqual(entry.roles);
      expect(operation!['x-jejak-states'][kind]).toEqual(entry.states);
      expect(entry.states.length).toBeGreaterThan(0);
      for (const role of entry.roles) expect(operation!.description).toContain(role);
      for (const status of ['200', '400', '401', '403', '404', '409', '412', '413', '415', '422']) {
        expect(Object.keys(operation!.responses)).toContain(status);
      }
      const schema = operation!.requestBody.content['application/json'].schema;
      const refs = schema.$ref ? [schema.$ref] : (schema.oneOf ?? []).map((s) => s.$ref);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs)
        expect(document.components.schemas[ref.split('/').pop()!]).toBeDefined();
    },
  );

  it('documents POST /selections with one body per procedure kind', () => {
    const post = document.paths['/selections']?.post as unknown as {
      requestBody: { content: { 'application/json': { schema: { oneOf: unknown[] } } } };
    };
    expect(post.requestBody.content['application/json'].schema.oneOf).toHaveLength(
      Object.keys(procedures).length,
    );
  });

  it('says on opening and on every command that an Idempotency-Key is scoped to its caller', () => {
    const command = Object.keys(document.paths).find((path) => path.includes('/commands/'))!;
    for (const path of ['/selections', command]) {
      const post = document.paths[path]?.post as unknown as {
        parameters: { name: string; in: string; description?: string }[];
      };
      const header = post.parameters.find((p) => p.name === 'Idempotency-Key' && p.in === 'header');
      expect(header?.description).toMatch(/another caller.*IDEMPOTENCY_KEY_REUSED/);
    }
  });
});
