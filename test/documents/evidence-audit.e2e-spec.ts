import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { loadAuditSigner, trustedVerifiersFrom } from '@jejak/audit';
import { blobStoreOptionsFor, createBlobStore } from '@jejak/documents';
import { createEventStore } from '@jejak/event-store';
import { procedures } from '@jejak/workflows';
import type { AuditCliContext } from '../../apps/cli/src/commands/audit-context.js';
import { runAuditCommand } from '../../apps/cli/src/commands/audit-commands.js';
import { expectStatus, PERGUB, selectionHttp } from '../selections/support/selection-http.js';
import { startSelectionsApp, storeVariants } from '../selections/support/selections-app.js';
import type { TestApp } from '../support/test-app.js';
import { aPdf } from './support/files.js';

type Uploaded = { sha256: string; mediaType: string; size: number };

const document = (number: string, file: Uploaded) => ({
  issuer: 'Menteri Dalam Negeri',
  number,
  date: '2023-09-05',
  subject: 'Pengangkatan Penjabat Gubernur',
  files: [file],
});

/** `jejak audit ...` on the app's own storage (a second process would open the same). */
function cliFor(t: TestApp) {
  const output = { out: '', err: '' };
  const context: AuditCliContext = {
    out: (text) => void (output.out += text),
    err: (text) => void (output.err += text),
    isTTY: false,
    openStore: () => createEventStore(t.config.eventStore),
    openBlobStore: () =>
      createBlobStore(blobStoreOptionsFor(t.config.eventStore, t.config.dataDir)),
    loadSigner: () => loadAuditSigner({ dataDir: t.config.dataDir }),
    loadTrustedKeys: () => trustedVerifiersFrom(undefined),
    procedures,
    now: () => new Date(),
  };
  return async (...args: string[]) => {
    output.out = '';
    output.err = '';
    const code = await runAuditCommand(args, context);
    return { code, ...output };
  };
}

describe.each(storeVariants('docs_audit'))('audit of evidence files ($name)', (variant) => {
  let t: TestApp;
  let h: ReturnType<typeof selectionHttp>;
  let cli: ReturnType<typeof cliFor>;
  let id: string;
  let kept: Uploaded;
  let deleted: Uploaded;
  let altered: Uploaded;

  /** An attacker with access to the storage, behind the service's back. */
  const tamper = {
    remove: async (sha256: string) => {
      if (variant.name === 'embedded') return rm(join(t.config.dataDir, 'blobs', sha256));
      await sql(`DELETE FROM ${t.config.eventStore.schema}.document_blobs WHERE sha256 = $1`, [
        sha256,
      ]);
    },
    alter: async (sha256: string) => {
      if (variant.name === 'embedded') {
        const path = join(t.config.dataDir, 'blobs', sha256);
        const bytes = await readFile(path);
        bytes[0] = bytes[0]! ^ 0xff;
        return writeFile(path, bytes);
      }
      await sql(
        `UPDATE ${t.config.eventStore.schema}.document_blobs
            SET content = set_byte(content, 0, get_byte(content, 0) # 255) WHERE sha256 = $1`,
        [sha256],
      );
    },
  };
  const sql = async (text: string, values: unknown[]) => {
    const client = new pg.Client({ connectionString: t.config.eventStore.databaseUrl });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  };

  const upload = async (bytes: Buffer): Promise<Uploaded> => {
    const response = await t
      .http()
      .post('/documents')
      .auth(await h.token('SEKRETARIAT'), { type: 'bearer' })
      .attach('file', bytes, 'sk.pdf');
    return expectStatus(response, 201).body as Uploaded;
  };
  const record = async (number: string, file: Uploaded, since: string) =>
    expectStatus(
      await h.command(id, 'RecordPpkStatus', {
        body: { status: 'PENJABAT', since, document: document(number, file) },
      }),
      200,
    );
  const verifyAllLines = async () => {
    const response = expectStatus(await h.get('/audit/verify', { role: 'AUDITOR' }), 200);
    return response.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  beforeAll(async () => {
    t = await startSelectionsApp(variant.options);
    h = selectionHttp(t);
    cli = cliFor(t);
    id = expectStatus(await h.open({ kind: PERGUB, title: 'Pengisian uji audit berkas' }), 201).body
      .id as string;
    kept = await upload(aPdf('kept'));
    deleted = await upload(aPdf('deleted'));
    altered = await upload(aPdf('altered'));
    await record('SK-1/2023', kept, '2023-09-05');
    await record('SK-2/2023', deleted, '2023-09-06');
    await record('SK-3/2023', altered, '2023-09-07');
  });
  afterAll(async () => {
    await t.close();
    await variant.dispose();
  });

  it('verifies every referenced file while the store is intact (HTTP and CLI)', async () => {
    const summary = (await verifyAllLines()).at(-1)!;
    expect(summary).toMatchObject({
      kind: 'summary',
      ok: true,
      files: { ok: true, referenced: 3, intact: 3, missing: 0, altered: 0 },
    });
    const one = expectStatus(await h.get(`/selections/${id}/verify`, { role: 'AUDITOR' }), 200);
    expect(one.body).toMatchObject({ ok: true, files: { ok: true, referenced: 3 } });
    const run = await cli('verify');
    expect(run.code).toBe(0);
    expect(run.out).toContain('FILES OK: 3 referenced files');
  });

  it('exports a bundle with its files that verify-bundle checks', async () => {
    const dir = t.dataDir;
    const bundle = join(dir, 'bundle.json');
    const key = join(dir, 'public.pem');
    expect((await cli('export', '--selection', id, '--with-files', '--out', bundle)).code).toBe(0);
    await writeFile(key, loadAuditSigner({ dataDir: t.config.dataDir }).publicKeyPem);
    const parsed = JSON.parse(await readFile(bundle, 'utf8')) as { files: Uploaded[] };
    expect(parsed.files.map((f) => f.sha256).sort()).toEqual(
      [kept, deleted, altered].map((f) => f.sha256).sort(),
    );
    const verdict = await cli('verify-bundle', bundle, '--public-key', key);
    expect(verdict.code).toBe(0);
    const http = expectStatus(
      await h.get(`/selections/${id}/export?format=json&withFiles=true`, { role: 'AUDITOR' }),
      200,
    );
    const overHttp = JSON.parse(http.text) as { files: { contentBase64: string }[] };
    expect(overHttp.files).toHaveLength(3);
    expect(verdict.out).toMatch(/ok {3}files: 3 referenced file\(s\) present/);
  });

  it('detects a deleted and an altered file, naming the event and the document', async () => {
    await tamper.remove(deleted.sha256);
    await tamper.alter(altered.sha256);

    const lines = await verifyAllLines();
    const files = lines.filter((line) => line.kind === 'file');
    expect(files).toEqual([
      expect.objectContaining({
        sha256: deleted.sha256,
        problem: 'missing',
        streamId: `selection-${id}`,
        revision: 2,
        eventType: 'PPKStatusRecorded',
        documentNumber: 'SK-2/2023',
        path: 'document.files[0]',
      }),
      expect.objectContaining({
        sha256: altered.sha256,
        problem: 'altered',
        revision: 3,
        documentNumber: 'SK-3/2023',
      }),
    ]);
    expect(lines.at(-1)).toMatchObject({
      kind: 'summary',
      ok: false,
      files: { referenced: 3, intact: 1, missing: 1, altered: 1 },
    });
    const one = expectStatus(await h.get(`/selections/${id}/verify`, { role: 'AUDITOR' }), 200);
    expect(one.body).toMatchObject({ ok: false, files: { ok: false, missing: 1, altered: 1 } });

    const run = await cli('verify');
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `selection-${id}: FILE MISSING at revision 2 (PPKStatusRecorded, document SK-2/2023, document.files[0]): ${deleted.sha256}`,
    );
    expect(run.out).toContain(`FILE ALTERED at revision 3`);
    expect(run.out).toContain('FILES BROKEN: 1 missing, 1 altered of 3 referenced files');
    const selection = await cli('verify', '--selection', id);
    expect(selection.code).toBe(1);
    expect(selection.out).toContain('document SK-3/2023');
  });

  it('refuses to serve an altered file, and exports a bundle whose check names it', async () => {
    const download = await h.get(`/documents/${altered.sha256}`, { role: 'AUDITOR' });
    expect(download.status).toBe(500);
    expect(download.body).toMatchObject({ type: 'urn:jejak:problem:document-altered' });

    const bundle = join(t.dataDir, 'tampered-bundle.json');
    const key = join(t.dataDir, 'public.pem');
    expect((await cli('export', '--selection', id, '--with-files', '--out', bundle)).code).toBe(0);
    const verdict = await cli('verify-bundle', bundle, '--public-key', key);
    expect(verdict.code).toBe(1);
    expect(verdict.out).toContain(
      `revision 2 (PPKStatusRecorded), document SK-2/2023: file ${deleted.sha256} missing from the store at export`,
    );
    expect(verdict.out).toContain('document SK-3/2023');
    expect(verdict.out).toContain('does not match its SHA-256 (altered)');
  });
});
