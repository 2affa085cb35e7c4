import { exportSelection } from './export-selection.js';
import { signedBytesOf } from './checkpoint.js';
import { aSampleSelection } from './testing/sample-selection.js';
import { sampleProcedures } from './testing/sample-procedure.js';
import { openSqliteForTamper, type OpenedForTamper } from './testing/stores.js';
import { aTestSigner } from './testing/test-signer.js';
import { verifyBundle } from './verify-bundle.js';

const signer = aTestSigner();
const NOW = '2024-06-01T00:00:00.000Z';
let bundleText: string;
let htmlText: string;
let csvText: string;

beforeAll(async () => {
  const opened: OpenedForTamper = await openSqliteForTamper();
  const id = await aSampleSelection(opened.store, 'Seleksi <script>alert(1)</script> & "Uji"');
  bundleText = (
    await exportSelection(opened.store, sampleProcedures, id, 'json', { signer, now: NOW })
  ).body;
  htmlText = (
    await exportSelection(opened.store, sampleProcedures, id, 'html', { signer, now: NOW })
  ).body;
  csvText = (await exportSelection(opened.store, sampleProcedures, id, 'csv', { signer, now: NOW }))
    .body;
  await opened.close(); // from here on: no database at all
});

describe('evidence bundle (json)', () => {
  it('holds the events as stored, the head, a signed checkpoint and the key id', () => {
    const bundle = JSON.parse(bundleText);
    expect(bundle).toMatchObject({
      format: 'jejak-evidence-bundle',
      revision: 4,
      publicKeyId: signer.keyId,
      claimedState: { state: 'closed' },
      verification: { ok: true, eventsChecked: 5 },
      checkpoint: {
        streamId: bundle.streamId,
        revision: 4,
        headHash: bundle.headHash,
        keyId: signer.keyId,
      },
    });
    expect(bundle.events).toHaveLength(5);
    expect(JSON.parse(bundle.events[0].canonical)).toMatchObject({
      revision: 0,
      type: 'SelectionOpened',
    });
  });

  it('verifies offline with only the public key when untouched', () => {
    const verdict = verifyBundle(bundleText, signer.publicKeyPem, sampleProcedures);
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(verdict).toMatchObject({ ok: true, revision: 4 });
    expect(verdict.checks.map((check) => check.check)).toEqual([
      'format',
      'key',
      'signature',
      'checkpoint',
      'chain',
      'fold',
    ]);
  });

  const oneByteChanged = (needle: string, replacement: string) => {
    const at = bundleText.indexOf(needle);
    expect(at).toBeGreaterThan(-1);
    return bundleText.slice(0, at) + replacement + bundleText.slice(at + needle.length);
  };

  it.each([
    ['a byte of an event', 'Kepala Dinas Perhubungan', 'Kepala Dinas Perhubungam'],
    ['a byte of the claimed state', '"state": "closed"', '"state": "closes"'],
    ['a byte of the export time', '2024-06-01T00:00:00.000Z', '2024-06-02T00:00:00.000Z'],
  ])('fails when %s changes', (_what, needle, replacement) => {
    expect(needle.length).toBe(replacement.length);
    const verdict = verifyBundle(
      oneByteChanged(needle, replacement),
      signer.publicKeyPem,
      sampleProcedures,
    );
    expect(verdict.ok).toBe(false);
    expect(verdict.checks.find((check) => check.check === 'signature')).toMatchObject({
      ok: false,
    });
  });

  it('pins a changed event to its revision, and refuses a bundle re-signed with another key', () => {
    const tampered = JSON.parse(
      oneByteChanged('Kepala Dinas Perhubungan', 'Kepala Dinas Perhubungam'),
    );
    const verdict = verifyBundle(tampered, signer.publicKeyPem, sampleProcedures);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 1 });
    expect(verdict.checks.find((check) => check.check === 'chain')).toMatchObject({ ok: false });
    const attacker = aTestSigner();
    const resigned = { ...tampered, publicKeyId: attacker.keyId };
    resigned.signature = attacker.sign(signedBytesOf(resigned));
    expect(verifyBundle(resigned, signer.publicKeyPem, sampleProcedures)).toMatchObject({
      ok: false,
      checks: expect.arrayContaining([expect.objectContaining({ check: 'key', ok: false })]),
    });
  });

  it('fails on something that is not a bundle', () => {
    expect(verifyBundle('{"format":"x"', signer.publicKeyPem, sampleProcedures)).toMatchObject({
      ok: false,
      checks: [{ check: 'format', ok: false }],
    });
  });
});

describe('html report', () => {
  it('is in Bahasa Indonesia with each vacancy, citations, documents, verification and head hash', () => {
    const bundle = JSON.parse(bundleText);
    expect(htmlText).toContain('<html lang="id">');
    expect(htmlText).toContain('Hasil per jabatan (2 jabatan)');
    expect(htmlText).toContain('Kepala Dinas Perhubungan');
    expect(htmlText).toContain('Contoh Peraturan 1/2024 Pasal 3');
    expect(htmlText).toContain('MENDAGRI Nomor 100.2.1.3/2147/SJ');
    expect(htmlText).toContain('UTUH: 5 peristiwa diperiksa');
    expect(htmlText).toContain(bundle.headHash);
  });

  it('escapes all recorded text', () => {
    expect(htmlText).not.toContain('<script>');
    expect(htmlText).toContain(
      'Seleksi &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Uji&quot;',
    );
    expect(htmlText).toContain('Persetujuan &lt;Pelaksanaan&gt; &quot;Seleksi&quot; &amp; Tes');
  });
});

describe('csv export', () => {
  it('has a BOM, a header and one row per event', () => {
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText.trimEnd().split('\r\n')).toHaveLength(6);
  });
});
