import { sha256Of, type BlobStore } from '@jejak/documents';
import { DocumentsService } from '../../apps/api/src/documents/documents.service.js';
import { BLOB_STORE } from '../../apps/api/src/documents/documents.tokens.js';
import { expectStatus, PERGUB, selectionHttp } from '../selections/support/selection-http.js';
import { startSelectionsApp, storeVariants } from '../selections/support/selections-app.js';
import type { TestApp } from '../support/test-app.js';
import { aPdf } from './support/files.js';

const decree = (files: unknown[]) => ({
  issuer: 'Menteri Dalam Negeri',
  number: '100.2.1.3-4321 TAHUN 2023',
  date: '2023-09-05',
  subject: 'Pengangkatan Penjabat Gubernur Nusa Tenggara Timur',
  files,
});

describe.each(storeVariants('docs_evidence'))('evidence files ($name)', (variant) => {
  let t: TestApp;
  let h: ReturnType<typeof selectionHttp>;
  let blobs: BlobStore;
  let id: string;
  /** Files the selection's events refer to. */
  const recorded: string[] = [];

  beforeAll(async () => {
    t = await startSelectionsApp(variant.options);
    h = selectionHttp(t);
    blobs = t.app.get<BlobStore>(BLOB_STORE);
    id = expectStatus(await h.open({ kind: PERGUB, title: 'Pengisian JPT uji berkas' }), 201).body
      .id as string;
  });
  afterAll(async () => {
    await t.close();
    await variant.dispose();
  });

  const upload = async (bytes: Buffer, sub = 'sekretariat-1') => {
    const token = await h.token('SEKRETARIAT', { sub });
    const response = await t
      .http()
      .post('/documents')
      .auth(token, { type: 'bearer' })
      .attach('file', bytes, 'sk.pdf');
    return expectStatus(response, 201).body as { sha256: string; mediaType: string; size: number };
  };
  const download = async (sha256: string, role: 'SEKRETARIAT' | 'AUDITOR', sub: string) =>
    t
      .http()
      .get(`/documents/${sha256}`)
      .auth(await h.token(role, { sub }), { type: 'bearer' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('records a document with its file: the event keeps hash, type and size, never the bytes', async () => {
    const bytes = aPdf('keppres');
    const file = await upload(bytes);
    const response = await h.command(id, 'RecordPpkStatus', {
      identity: { sub: 'sekretariat-1' },
      body: { status: 'PENJABAT', since: '2023-09-05', document: decree([file]) },
    });
    expectStatus(response, 200);
    const events = await h.stream(id);
    const stored = events.at(-1)!;
    expect(stored.data).toMatchObject({ document: { files: [file] } });
    expect(JSON.stringify(stored.data)).not.toContain(bytes.toString('base64').slice(0, 40));
    expect(file).toEqual({
      sha256: sha256Of(bytes),
      mediaType: 'application/pdf',
      size: bytes.length,
    });
    recorded.push(file.sha256);
  });

  it('refuses a command naming a file never uploaded (400 naming the entry), writing nothing', async () => {
    const before = await h.revision(id);
    const missing = {
      sha256: sha256Of(Buffer.from('never uploaded')),
      mediaType: 'application/pdf',
      size: 10,
    };
    const response = await h.command(id, 'RecordPpkStatus', {
      body: { status: 'PENJABAT', since: '2023-09-06', document: decree([missing]) },
    });
    expectStatus(response, 400);
    expect(response.body.errors).toEqual([
      { field: 'document.files[0]', messages: [expect.stringContaining('POST /documents')] },
    ]);
    expect(await h.revision(id)).toBe(before);
  });

  it('refuses a file named with another size or type than uploaded, and a malformed hash', async () => {
    const before = await h.revision(id);
    const file = await upload(aPdf());
    const wrongSize = await h.command(id, 'RecordPpkStatus', {
      body: {
        status: 'PENJABAT',
        since: '2023-09-06',
        document: decree([
          { ...file, size: file.size + 1 },
          { ...file, mediaType: 'image/png' },
        ]),
      },
    });
    expectStatus(wrongSize, 400);
    expect((wrongSize.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'document.files[0]',
      'document.files[1]',
    ]);
    const malformed = await h.command(id, 'RecordPpkStatus', {
      body: {
        status: 'PENJABAT',
        since: '2023-09-06',
        document: decree([{ sha256: 'ABC', mediaType: 'text/plain', size: 0 }]),
      },
    });
    expectStatus(malformed, 400);
    expect((malformed.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'document.files[0].mediaType',
      'document.files[0].sha256',
      'document.files[0].size',
    ]);
    expect(await h.revision(id)).toBe(before);
  });

  it('lets only the uploader read a file no event refers to; any reader once an event does', async () => {
    const bytes = aPdf('nota dinas');
    const file = await upload(bytes, 'sekretariat-2');
    expectStatus(await download(file.sha256, 'SEKRETARIAT', 'sekretariat-2'), 200);
    expectStatus(await download(file.sha256, 'AUDITOR', 'auditor-1'), 404);
    expectStatus(await download(file.sha256, 'SEKRETARIAT', 'sekretariat-1'), 404);
    expectStatus(
      await h.command(id, 'RecordPpkStatus', {
        body: { status: 'PENJABAT', since: '2023-09-07', document: decree([file]) },
      }),
      200,
    );
    recorded.push(file.sha256);
    const response = expectStatus(await download(file.sha256, 'AUDITOR', 'auditor-1'), 200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${file.sha256}.pdf"`,
    );
    expect(Buffer.compare(response.body as Buffer, bytes)).toBe(0);
    expectStatus(await download('0'.repeat(64), 'AUDITOR', 'auditor-1'), 404);
    expectStatus(await download('not-a-hash', 'AUDITOR', 'auditor-1'), 404);
  });

  it('removes unreferenced files a day after their upload, never a referenced one', async () => {
    const orphan = await upload(aPdf('orphan'));
    const documents = t.app.get(DocumentsService);
    const soon = new Date(Date.now() + 60 * 60 * 1000);
    expect(await documents.sweep(soon)).toEqual([]);
    const later = new Date(Date.now() + 25 * 60 * 60 * 1000);
    const removed = await documents.sweep(later);
    expect(removed).toContain(orphan.sha256);
    const left = (await blobs.list()).map((b) => b.sha256);
    expect(recorded).toHaveLength(2);
    for (const hash of recorded) expect(left).toContain(hash);
    expect(left).not.toContain(orphan.sha256);
  });
});
