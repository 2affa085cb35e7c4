import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointAll } from './checkpoint-all.js';
import { CHECKPOINT_STREAM, readCheckpoints } from './checkpoint-stream.js';
import { loadAuditSigner, SIGNING_KEY_FILE, verifierOf } from './signing-key.js';
import { aSampleSelection } from './testing/sample-selection.js';
import { openSqliteForTamper, type OpenedForTamper } from './testing/stores.js';
import { aTestSigner } from './testing/test-signer.js';
import { verifyAll, verifySelection, type VerifyAllLine } from './verify-all.js';
import { exportBundle } from './evidence-bundle.js';
import { sampleProcedures } from './testing/sample-procedure.js';

const signer = aTestSigner();
const verifiers = [verifierOf(signer)];
let opened: OpenedForTamper;
beforeEach(async () => {
  opened = await openSqliteForTamper();
});
afterEach(() => opened.close());

const collect = async (lines: AsyncIterable<VerifyAllLine>) => {
  const all: VerifyAllLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
};

describe('checkpointAll', () => {
  it('signs every stream that moved, lists its new hashes, and skips unchanged streams', async () => {
    const [a, b] = [await aSampleSelection(opened.store), await aSampleSelection(opened.store)];
    const first = await checkpointAll(opened.store, signer, '2024-05-25T00:00:00.000Z');
    expect(first.checkpointed.map((c) => c.streamId)).toEqual([`selection-${a}`, `selection-${b}`]);
    expect(await checkpointAll(opened.store, signer, '2024-05-26T00:00:00.000Z')).toMatchObject({
      checkpointed: [],
    });
    const stored = await readCheckpoints(opened.store, verifiers);
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      check: 'valid',
      checkpoint: { revision: 4, fromRevision: 0 },
    });
    expect(stored[0]!.checkpoint.hashes).toHaveLength(5);
  });

  it("reads one stream's checkpoints alone, checking only their signatures", async () => {
    const [a, b] = [await aSampleSelection(opened.store), await aSampleSelection(opened.store)];
    await checkpointAll(opened.store, signer, '2024-05-25T00:00:00.000Z');
    await opened.store.appendToStream(`selection-${b}`, [{ type: 'Noted', data: { n: 5 } }], {
      expectedRevision: 4,
    });
    await checkpointAll(opened.store, signer, '2024-05-26T00:00:00.000Z');
    const all = await readCheckpoints(opened.store, verifiers);
    const ofB = await readCheckpoints(opened.store, verifiers, { streamId: `selection-${b}` });
    expect(all).toHaveLength(3);
    expect(ofB).toEqual(all.filter(({ checkpoint }) => checkpoint.streamId === `selection-${b}`));
    expect(ofB.map(({ storedAt, check }) => [storedAt, check])).toEqual([
      [1, 'valid'],
      [2, 'valid'],
    ]);
    expect(await verifySelection(opened.store, b, { verifiers })).toMatchObject({
      ok: true,
      checkpointsChecked: 2,
    });
    expect(await verifySelection(opened.store, a, { verifiers })).toMatchObject({
      checkpointsChecked: 1,
    });
  });

  it('refuses to vouch for a broken stream', async () => {
    const id = await aSampleSelection(opened.store);
    await opened.tamper.alterData(`selection-${id}`, 1);
    const run = await checkpointAll(opened.store, signer, '2024-05-25T00:00:00.000Z');
    expect(run).toMatchObject({
      checkpointed: [],
      refused: [{ streamId: `selection-${id}`, brokenAt: 1 }],
    });
  });

  it('writes once when two instances run at the same time', async () => {
    await aSampleSelection(opened.store);
    const runs = await Promise.all([
      checkpointAll(opened.store, signer, '2024-05-25T00:00:00.000Z'),
      checkpointAll(opened.store, signer, '2024-05-25T00:00:00.000Z'),
    ]);
    expect(runs.map((run) => run.lostRace).sort()).toEqual([false, true]);
    expect(await readCheckpoints(opened.store, verifiers)).toHaveLength(1);
  });
});

describe('verifyAll', () => {
  it('yields one line per stream and a summary naming the first broken stream', async () => {
    const [a, b] = [await aSampleSelection(opened.store), await aSampleSelection(opened.store)];
    await checkpointAll(opened.store, signer, '2024-05-25T00:00:00.000Z');
    await opened.tamper.rewriteTail(`selection-${b}`, 2);
    const lines = await collect(verifyAll(opened.store, { verifiers }));
    expect(lines).toEqual([
      expect.objectContaining({
        kind: 'stream',
        streamId: `selection-${a}`,
        ok: true,
        checkpointsChecked: 1,
      }),
      expect.objectContaining({
        kind: 'stream',
        streamId: `selection-${b}`,
        ok: false,
        brokenAt: 2,
        caughtBy: 'checkpoint',
      }),
      expect.objectContaining({ kind: 'stream', streamId: CHECKPOINT_STREAM, ok: true }),
      {
        kind: 'summary',
        ok: false,
        streams: 3,
        intact: 2,
        broken: 1,
        eventsChecked: 5 + 2 + 2,
        unverifiedCheckpoints: 0,
        firstBroken: { streamId: `selection-${b}`, brokenAt: 2, reason: 'altered' },
      },
    ]);
  });

  it('reports a forged checkpoint (re-hashed, but not re-signed) in the checkpoint stream', async () => {
    await aSampleSelection(opened.store);
    await checkpointAll(opened.store, signer, '2024-05-25T00:00:00.000Z');
    await opened.tamper.rewriteTail(CHECKPOINT_STREAM, 0);
    const lines = await collect(verifyAll(opened.store, { verifiers }));
    expect(
      lines.find((line) => line.kind === 'stream' && line.streamId === CHECKPOINT_STREAM),
    ).toMatchObject({
      ok: false,
      brokenAt: 0,
      detail: 'the checkpoint signature does not verify',
    });
  });

  it('does not trust checkpoints signed by a key it does not hold', async () => {
    const id = await aSampleSelection(opened.store);
    await checkpointAll(opened.store, aTestSigner(), '2024-05-25T00:00:00.000Z');
    await opened.tamper.rewriteTail(`selection-${id}`, 1);
    const lines = await collect(verifyAll(opened.store, { verifiers }));
    expect(lines.at(-1)).toMatchObject({ kind: 'summary', ok: true, unverifiedCheckpoints: 1 });
  });
});

describe('checkpoints an auditor holds (from a bundle)', () => {
  it('catch a rewrite even after the checkpoint stream itself was deleted', async () => {
    const id = await aSampleSelection(opened.store);
    const bundle = await exportBundle(opened.store, sampleProcedures, id, {
      signer,
      now: '2024-06-01T00:00:00.000Z',
    });
    await opened.tamper.rewriteTail(`selection-${id}`, 3);
    const held = { verifiers, extraCheckpoints: [bundle.checkpoint] };
    expect(await verifySelection(opened.store, id, held)).toMatchObject({
      ok: false,
      brokenAt: 0,
      caughtBy: 'checkpoint',
    });
    expect(await verifySelection(opened.store, id, { verifiers })).toMatchObject({ ok: true });
  });

  it('are refused when not signed by a key we hold', async () => {
    const id = await aSampleSelection(opened.store);
    const bundle = await exportBundle(opened.store, sampleProcedures, id, {
      signer: aTestSigner(),
      now: '2024-06-01T00:00:00.000Z',
    });
    await expect(
      verifySelection(opened.store, id, { verifiers, extraCheckpoints: [bundle.checkpoint] }),
    ).rejects.toMatchObject({ code: 'INVALID_AUDIT_QUERY' });
  });
});

describe('loadAuditSigner', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jejak-audit-key-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates a key once into DATA_DIR (mode 0600) and reuses it', () => {
    const first = loadAuditSigner({ dataDir: join(dataDir, 'nested') });
    const path = join(dataDir, 'nested', SIGNING_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(loadAuditSigner({ dataDir: join(dataDir, 'nested') }).keyId).toBe(first.keyId);
  });

  it('prefers AUDIT_SIGNING_KEY and refuses a key that is not Ed25519', () => {
    expect(loadAuditSigner({ privateKeyPem: signer.privateKeyPem, dataDir }).keyId).toBe(
      signer.keyId,
    );
    const escaped = signer.privateKeyPem.replace(/\n/g, '\\n');
    expect(loadAuditSigner({ privateKeyPem: escaped, dataDir }).keyId).toBe(signer.keyId);
    expect(() => loadAuditSigner({ privateKeyPem: 'not a key', dataDir })).toThrow(
      expect.objectContaining({ code: 'INVALID_SIGNING_KEY' }),
    );
  });
});
