import { gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('compressed answers and the OpenAPI document by ETag', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends /docs-json gzip-compressed to a client that accepts it, with an ETag', async () => {
    // Fastify's inject gives the bytes as sent (supertest would decompress them).
    const response = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ url: '/docs-json', headers: { 'accept-encoding': 'gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['etag']).toMatch(/^"[\w-]{27}"$/);
    expect(response.headers['cache-control']).toBe('no-cache');
    const body = response.rawPayload;
    const document = JSON.parse(gunzipSync(body).toString()) as { openapi: string };
    expect(document.openapi).toMatch(/^3\./);
    expect(body.length).toBeLessThan(gunzipSync(body).length / 4);
  });

  it('answers 304 with no body to If-None-Match of the current ETag, 200 to a stale one', async () => {
    const first = await t.http().get('/docs-json').expect(200);
    const etag = first.headers['etag'] as string;
    const again = await t
      .http()
      .get('/docs-json')
      .set('if-none-match', etag)
      .set('accept-encoding', 'gzip, br')
      .expect(304);
    expect(again.headers['etag']).toBe(etag);
    expect(again.text ?? '').toBe('');
    await t.http().get('/docs-json').set('if-none-match', `W/${etag}`).expect(304);
    await t.http().get('/docs-json').set('if-none-match', '"something-else"').expect(200);
    // The same document gets the same tag.
    expect((await t.http().get('/docs-json').expect(200)).headers['etag']).toBe(etag);
  });

  it('compresses API JSON with brotli when asked, and leaves small answers as they are', async () => {
    const token = await t.tokenFor('SEKRETARIAT');
    const health = await t.http().get('/health/live').set('accept-encoding', 'br').expect(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    const docs = await t.http().get('/docs-json').set('accept-encoding', 'br').expect(200);
    expect(docs.headers['content-encoding']).toBe('br');
    const list = await t
      .http()
      .get('/selections')
      .set('authorization', `Bearer ${token}`)
      .set('accept-encoding', 'identity')
      .expect(200);
    expect(list.headers['content-encoding']).toBeUndefined();
  });
});
