import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { EVENT_STORE, EventStoreModule, type EventStore } from '@jejak/event-store';
import { InvalidSigningKeyError } from './audit.errors.js';
import { checkpointAll } from './checkpoint-all.js';
import { readCheckpoints } from './checkpoint-stream.js';
import { AuditModule } from './nest/audit.module.js';
import { AuditService } from './nest/audit.service.js';
import { trustedVerifiersFrom, verifierFromPem, verifiersFor } from './signing-key.js';
import { aSampleSelection } from './testing/sample-selection.js';
import { sampleProcedures } from './testing/sample-procedure.js';
import {
  openPostgresForTamper,
  openSqliteForTamper,
  type OpenedForTamper,
} from './testing/stores.js';
import { aTestSigner } from './testing/test-signer.js';
import { verifyAll, verifySelection, type VerifyAllLine } from './verify-all.js';

const collect = async (lines: AsyncGenerator<VerifyAllLine>) => {
  const all: VerifyAllLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
};
const summaryOf = (lines: VerifyAllLine[]) => lines.find((line) => line.kind === 'summary');

const openers: [string, () => Promise<OpenedForTamper>][] = [
  ['embedded (SQLite file)', openSqliteForTamper],
  ['postgres', () => openPostgresForTamper('audit_rotation')],
];

describe.each(openers)('a signing key rotation on %s', (_name, open) => {
  // Key A signed the checkpoints; the operator then replaced AUDIT_SIGNING_KEY with key B.
  const keyA = aTestSigner();
  const keyB = aTestSigner();
  const withATrusted = verifiersFor(keyB, trustedVerifiersFrom(keyA.publicKeyPem));
  const bOnly = verifiersFor(keyB);
  let opened: OpenedForTamper;
  let id: string;
  beforeAll(async () => {
    opened = await open();
    id = await aSampleSelection(opened.store);
    const run = await checkpointAll(opened.store, keyA, '2024-05-25T00:00:00.000Z');
    expect(run.checkpointed).toHaveLength(1);
  });
  afterAll(() => opened.close());

  it('verifies the checkpoints of key A once A is trusted next to B', async () => {
    const trusted = await verifySelection(opened.store, id, { verifiers: withATrusted });
    expect(trusted).toMatchObject({ ok: true, checkpointsChecked: 1 });
    expect(trusted).not.toHaveProperty('unverifiedCheckpoints');
    const stored = await readCheckpoints(opened.store, withATrusted);
    expect(stored.map(({ check }) => check)).toEqual(['valid']);
    expect(summaryOf(await collect(verifyAll(opened.store, { verifiers: withATrusted })))).toEqual(
      expect.objectContaining({ ok: true, broken: 0, unverifiedCheckpoints: 0 }),
    );
  });

  it('reports them as signed by an unknown key when A is not trusted', async () => {
    const stored = await readCheckpoints(opened.store, bOnly);
    expect(stored.map(({ check }) => check)).toEqual(['unknown-key']);
    expect(await verifySelection(opened.store, id, { verifiers: bOnly })).toMatchObject({
      ok: true,
      checkpointsChecked: 0,
      unverifiedCheckpoints: 1,
    });
    expect(summaryOf(await collect(verifyAll(opened.store, { verifiers: bOnly })))).toEqual(
      expect.objectContaining({ ok: true, unverifiedCheckpoints: 1 }),
    );
  });

  it('does not re-sign with B what A already covers', async () => {
    const run = await checkpointAll(opened.store, keyB, '2024-05-26T00:00:00.000Z', withATrusted);
    expect(run).toMatchObject({ checkpointed: [], refused: [], lostRace: false });
  });

  it("catches a re-hashed rewrite with A's checkpoint only while A is trusted", async () => {
    await opened.tamper.rewriteTail(`selection-${id}`, 3);
    expect(await verifySelection(opened.store, id, { verifiers: withATrusted })).toMatchObject({
      ok: false,
      brokenAt: 3,
      caughtBy: 'checkpoint',
    });
    // Without A, nothing vouches for the old bytes: the re-hashed chain alone looks intact.
    expect(await verifySelection(opened.store, id, { verifiers: bOnly })).toMatchObject({
      ok: true,
    });
  });
});

describe('AUDIT_TRUSTED_PUBLIC_KEYS', () => {
  const directory = mkdtempSync(join(tmpdir(), 'jejak-audit-trusted-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const [a, b, current] = [aTestSigner(), aTestSigner(), aTestSigner()];

  it('takes PEM blocks one after the other, with newlines written as \\n too', () => {
    const both = `${a.publicKeyPem}${b.publicKeyPem}`;
    expect(trustedVerifiersFrom(both).map((v) => v.keyId)).toEqual([a.keyId, b.keyId]);
    const escaped = both.replace(/\n/g, '\\n');
    expect(trustedVerifiersFrom(escaped).map((v) => v.keyId)).toEqual([a.keyId, b.keyId]);
    expect(trustedVerifiersFrom(undefined)).toEqual([]);
    expect(trustedVerifiersFrom('  ')).toEqual([]);
  });

  it('takes the path of a file holding them', () => {
    const file = join(directory, 'trusted.pem');
    writeFileSync(file, `# rotated 2026-11\n${a.publicKeyPem}\n${b.publicKeyPem}`);
    expect(trustedVerifiersFrom(file).map((v) => v.keyId)).toEqual([a.keyId, b.keyId]);
  });

  it('refuses a private key, a missing file and text without a key', () => {
    expect(() => trustedVerifiersFrom(a.privateKeyPem)).toThrow(/not a PUBLIC KEY/);
    expect(() => trustedVerifiersFrom(join(directory, 'none.pem'))).toThrow(InvalidSigningKeyError);
    writeFileSync(join(directory, 'empty.pem'), 'nothing here');
    expect(() => trustedVerifiersFrom(join(directory, 'empty.pem'))).toThrow(/no PEM public key/);
    const broken = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n';
    expect(() => trustedVerifiersFrom(broken)).toThrow(/key 1/);
  });

  it('lists the current key first and each key once', () => {
    const trusted = [verifierFromPem(a.publicKeyPem), verifierFromPem(current.publicKeyPem)];
    expect(verifiersFor(current, trusted).map((v) => v.keyId)).toEqual([current.keyId, a.keyId]);
  });
});

describe('AuditModule with trusted earlier keys', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jejak-audit-rotation-module-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const [keyA, keyB] = [aTestSigner(), aTestSigner()];

  const boot = (trustedPublicKeys?: string) =>
    Test.createTestingModule({
      imports: [
        EventStoreModule.forRoot({ kind: 'embedded', path: join(dataDir, 'jejak.db') }),
        AuditModule.forRoot({
          procedures: sampleProcedures,
          dataDir,
          signingKeyPem: keyB.privateKeyPem,
          ...(trustedPublicKeys === undefined ? {} : { trustedPublicKeys }),
          checkpointIntervalMs: null,
        }),
      ],
    })
      .compile()
      .then((moduleRef) => moduleRef.init());

  it('verifies checkpoints of a trusted earlier key; others stay unverified', async () => {
    const trusting = await boot(keyA.publicKeyPem);
    try {
      const store = trusting.get<EventStore>(EVENT_STORE);
      const id = await aSampleSelection(store);
      await checkpointAll(store, keyA, '2024-05-25T00:00:00.000Z');
      const audit = trusting.get(AuditService);
      expect(audit.publicKey().keyId).toBe(keyB.keyId);
      expect(audit.trustedKeyIds()).toEqual([keyB.keyId, keyA.keyId]);
      expect(await audit.verify(id)).toMatchObject({ ok: true, checkpointsChecked: 1 });
      expect(summaryOf(await collect(audit.verifyAll()))).toEqual(
        expect.objectContaining({ ok: true, unverifiedCheckpoints: 0 }),
      );
      // The next run signs with B and leaves what A covers alone.
      expect((await audit.checkpointNow()).checkpointed).toEqual([]);
    } finally {
      await trusting.close();
    }
    const current = await boot();
    try {
      expect(summaryOf(await collect(current.get(AuditService).verifyAll()))).toEqual(
        expect.objectContaining({ ok: true, unverifiedCheckpoints: 1 }),
      );
    } finally {
      await current.close();
    }
  });

  it('refuses to start with a trusted key that is not a public key', async () => {
    await expect(boot(keyA.privateKeyPem)).rejects.toThrow(InvalidSigningKeyError);
  });
});
