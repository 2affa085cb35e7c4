import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Of, type BlobStore } from '@jejak/documents';
import { BLOB_STORE } from '../../apps/api/src/documents/documents.tokens.js';
import { startSelectionsApp, storeVariants } from '../selections/support/selections-app.js';
import type { TestApp } from '../support/test-app.js';
import { aPdf, aPng, aJpeg } from './support/files.js';

const MiB = 1024 * 1024;

describe.each(storeVariants('docs_upload'))('POST /documents ($name blob store)', (variant) => {
  let t: TestApp;
  let token: string;
  let blobs: BlobStore;

  beforeAll(async () => {
    t = await startSelectionsApp(variant.options);
    token = await t.tokenFor('SEKRETARIAT', { sub: 'sekretariat-1' });
    blobs = t.app.get<BlobStore>(BLOB_STORE);
  });
  afterAll(async () => {
    await t.close();
    await variant.dispose();
  });

  /** Embedded: no temporary file left behind either. */
  const temporaries = () =>
    variant.name === 'embedded' ? readdirSync(join(t.dataDir, 'blobs', 'tmp')) : [];

  const upload = (bytes: Buffer, filename = 'file.bin') =>
    t.http().post('/documents').auth(token, { type: 'bearer' }).attach('file', bytes, filename);

  it('stores a PDF, a PNG and a JPEG and answers their SHA-256, type and size', async () => {
    for (const [bytes, mediaType] of [
      [aPdf(), 'application/pdf'],
      [aPng(), 'image/png'],
      [aJpeg(), 'image/jpeg'],
    ] as const) {
      const response = await upload(bytes).expect(201);
      expect(response.body).toEqual({ sha256: sha256Of(bytes), mediaType, size: bytes.length });
    }
    expect(await blobs.list()).toHaveLength(3);
  });

  it('stores the same file twice once', async () => {
    const bytes = aPdf('twice');
    const first = await upload(bytes, 'a.pdf').expect(201);
    const second = await upload(bytes, 'b.pdf').expect(201);
    expect(second.body).toEqual(first.body);
    expect((await blobs.list()).filter((b) => b.sha256 === sha256Of(bytes))).toHaveLength(1);
  });

  it('answers 413 for a 25 MiB file and stores nothing', async () => {
    const before = await blobs.list();
    const big = Buffer.concat([aPdf('big'), randomBytes(25 * MiB)]);
    const response = await upload(big, 'big.pdf').expect(413);
    expect(response.body).toMatchObject({ status: 413, limit: 20 * MiB });
    expect(await blobs.list()).toEqual(before);
    expect(await blobs.read(sha256Of(big))).toBeNull();
    expect(temporaries()).toEqual([]);
  });

  it('answers 415 for a text file (whatever its name says) and stores nothing', async () => {
    const before = await blobs.list();
    const text = Buffer.from('Surat Keputusan Gubernur, bukan PDF\n'.repeat(100));
    const response = await upload(text, 'keputusan.pdf').expect(415);
    expect(response.body).toMatchObject({ status: 415, title: 'Only PDF, PNG and JPEG files' });
    expect(await blobs.list()).toEqual(before);
    expect(temporaries()).toEqual([]);
  });

  it('answers 415 for a body that is not multipart, 400 without a file, 401 without a token', async () => {
    await t
      .http()
      .post('/documents')
      .auth(token, { type: 'bearer' })
      .send({ file: 'x' })
      .expect(415);
    const noFile = await t
      .http()
      .post('/documents')
      .auth(token, { type: 'bearer' })
      .field('note', 'x')
      .expect(400);
    expect(noFile.body.errors).toEqual([{ field: 'file', messages: [expect.any(String)] }]);
    await t.http().post('/documents').attach('file', aPdf(), 'a.pdf').expect(401);
  });

  it('keeps answering 415 for a multipart body on every other route', async () => {
    const response = await t
      .http()
      .post('/selections')
      .auth(token, { type: 'bearer' })
      .attach('file', aPdf(), 'a.pdf')
      .expect(415);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
