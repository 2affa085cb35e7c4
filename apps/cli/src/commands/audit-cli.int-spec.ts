import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointAll, trustedVerifiersFrom } from '@jejak/audit';
import { createEventStore } from '@jejak/event-store';
import {
  describeTamperCases,
  type AuditSubject,
} from '../../../../libs/audit/src/testing/audit-tamper.suite.js';
import { aSampleSelection } from '../../../../libs/audit/src/testing/sample-selection.js';
import { sampleProcedures } from '../../../../libs/audit/src/testing/sample-procedure.js';
import {
  openPostgresForTamper,
  openSqliteForTamper,
  type OpenedForTamper,
} from '../../../../libs/audit/src/testing/stores.js';
import { aTestSigner } from '../../../../libs/audit/src/testing/test-signer.js';
import { auditCliContext, type AuditCliContext } from './audit-context.js';
import { runAuditCommand } from './audit-commands.js';

/** The CLI as a second process would see it: its own store handle on the same storage. */
function cliOn(
  opened: OpenedForTamper | null,
  signer: ReturnType<typeof aTestSigner>,
  trustedPublicKeys?: string,
) {
  const output = { out: '', err: '' };
  const context: AuditCliContext = {
    out: (text) => void (output.out += text),
    err: (text) => void (output.err += text),
    isTTY: false,
    openStore: () =>
      opened === null
        ? Promise.reject(new Error('this command must not open a store'))
        : createEventStore(opened.storeOptions),
    loadSigner: () => signer,
    loadTrustedKeys: () => trustedVerifiersFrom(trustedPublicKeys),
    procedures: sampleProcedures,
    now: () => new Date('2024-06-01T00:00:00.000Z'),
  };
  const run = async (...args: string[]) => {
    output.out = '';
    output.err = '';
    const code = await runAuditCommand(args, context);
    return { code, ...output };
  };
  return run;
}

const openers: [string, () => Promise<OpenedForTamper>][] = [
  ['embedded (SQLite file)', openSqliteForTamper],
  ['postgres', () => openPostgresForTamper('audit_cli')],
];

describe.each(openers)('jejak audit verify on %s', (_name, open) => {
  let opened: OpenedForTamper;
  let subject: AuditSubject;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(async () => {
    opened = await open();
    const signer = aTestSigner();
    subject = { store: opened.store, tamper: opened.tamper, signer };
    cli = cliOn(opened, signer);
  });
  afterAll(() => opened.close());

  describeTamperCases(
    () => subject,
    async (_subject, id) => {
      const json = await cli('verify', '--selection', id, '--json');
      const human = await cli('verify', '--selection', id);
      const report = JSON.parse(json.out) as { ok: boolean; brokenAt?: number; reason?: string };
      expect([json.code, human.code]).toEqual(report.ok ? [0, 0] : [1, 1]);
      if (!report.ok)
        expect(human.out).toContain(`BROKEN at revision ${report.brokenAt}: ${report.reason}`);
      return report;
    },
  );

  it('verifies every stream as NDJSON ending with a summary, exit 1 naming the first broken revision', async () => {
    const all = await cli('verify', '--json');
    const lines = all.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({
      kind: 'summary',
      ok: false,
      firstBroken: { brokenAt: 2 },
    });
    expect(all.code).toBe(1);
    const human = await cli('verify');
    expect(human.out).toMatch(
      /^BROKEN: \d+ of \d+ streams; first selection-[0-9a-f-]+ at revision 2 \(altered\)$/m,
    );
  });
});

describe('jejak audit export, verify-bundle and replay', () => {
  const directory = mkdtempSync(join(tmpdir(), 'jejak-audit-cli-'));
  const signer = aTestSigner();
  const bundleFile = join(directory, 'bundle.json');
  const keyFile = join(directory, 'key.pem');
  let opened: OpenedForTamper;
  let cli: ReturnType<typeof cliOn>;
  let id: string;
  beforeAll(async () => {
    opened = await openSqliteForTamper();
    cli = cliOn(opened, signer);
    id = await aSampleSelection(opened.store);
    expect(
      await cli('export', '--selection', id, '--format', 'json', '--out', bundleFile),
    ).toMatchObject({ code: 0 });
    writeFileSync(keyFile, (await cli('public-key')).out);
  });
  afterAll(async () => {
    await opened.close();
    rmSync(directory, { recursive: true, force: true });
  });
  // verify-bundle runs with no database at all: its context cannot open a store
  const offline = (...args: string[]) => cliOn(null, signer)(...args);

  it('verifies an untouched bundle offline: exit 0', async () => {
    const result = await offline('verify-bundle', bundleFile, '--public-key', keyFile);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('ok   signature');
    expect(result.out).toContain('ok   fold');
  });

  it('fails a bundle with one byte changed: exit 1', async () => {
    const text = readFileSync(bundleFile, 'utf8');
    const at = text.indexOf('Kepala Dinas Kesehatan');
    const changed = join(directory, 'changed.json');
    writeFileSync(changed, `${text.slice(0, at)}k${text.slice(at + 1)}`);
    const result = await offline('verify-bundle', changed, '--public-key', keyFile, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('refuses a wrong command line with exit 2 and the usage', async () => {
    expect(await cli('unknown')).toMatchObject({
      code: 2,
      err: expect.stringContaining('audit verify'),
    });
    expect(await cli('verify-bundle', bundleFile)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--public-key is required'),
    });
    expect(await cli('replay', '--selection', id)).toMatchObject({
      code: 2,
      err: expect.stringContaining('exactly one of --at'),
    });
    expect(
      await cli('verify-bundle', join(directory, 'none.json'), '--public-key', keyFile),
    ).toMatchObject({ code: 2 });
  });

  it('replays at a local WITA time, or at a revision', async () => {
    const result = await cli('replay', '--selection', id, '--at', '2024-05-22T15:00', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      revision: 2,
      atWita: '2024-05-22T15:00:00+08:00',
      state: 'open',
    });
    const human = await cli('replay', '--selection', id, '--revision', '4');
    expect(human.out).toContain('State at revision 4 (revision 4 of 4): closed');
    expect(await cli('replay', '--selection', id, '--at', 'kemarin')).toMatchObject({ code: 2 });
  });

  it('replays by recorded time (--known-at): what the record said then', async () => {
    const before = await cli('replay', '--selection', id, '--known-at', '2000-01-01', '--json');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toMatchObject({ revision: null, eventsApplied: 0 });
    const later = await cli('replay', '--selection', id, '--known-at', '2999-01-01', '--json');
    expect(JSON.parse(later.out)).toMatchObject({ revision: 4, state: 'closed' });
    const both = await cli(
      'replay',
      '--selection',
      id,
      '--at',
      '2024-05-22T15:00',
      '--known-at',
      '2999-01-01',
    );
    expect(both.out).toContain('as known at');
    expect(both.out).toContain(': open');
  });

  it('checks the store against a checkpoint the auditor kept (--checkpoint bundle.json)', async () => {
    expect(await cli('verify', '--selection', id, '--checkpoint', bundleFile)).toMatchObject({
      code: 0,
    });
    await opened.tamper.rewriteTail(`selection-${id}`, 3);
    expect(await cli('verify', '--selection', id)).toMatchObject({ code: 0 });
    const held = await cli('verify', '--selection', id, '--checkpoint', bundleFile, '--json');
    expect(held.code).toBe(1);
    expect(JSON.parse(held.out)).toMatchObject({
      ok: false,
      caughtBy: 'checkpoint',
      reason: 'altered',
    });
  });
});

describe.each(openers)('jejak audit verify after a signing key rotation on %s', (_name, open) => {
  // Key A signed the checkpoints; then the operator replaced AUDIT_SIGNING_KEY with key B.
  const [keyA, keyB] = [aTestSigner(), aTestSigner()];
  let opened: OpenedForTamper;
  let id: string;
  beforeAll(async () => {
    opened = await open();
    id = await aSampleSelection(opened.store);
    await checkpointAll(opened.store, keyA, '2024-05-25T00:00:00.000Z');
  });
  afterAll(() => opened.close());
  const summaryOf = (out: string) =>
    JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;

  it("verifies A's checkpoints with A in AUDIT_TRUSTED_PUBLIC_KEYS: exit 0", async () => {
    const cli = cliOn(opened, keyB, keyA.publicKeyPem);
    const all = await cli('verify', '--json');
    expect(all.code).toBe(0);
    expect(summaryOf(all.out)).toMatchObject({ ok: true, unverifiedCheckpoints: 0 });
    const human = await cli('verify');
    expect(human).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: /) });
    expect(human.out).not.toContain('UNVERIFIED');
    const one = await cli('verify', '--selection', id, '--json');
    expect(JSON.parse(one.out)).toMatchObject({ ok: true, checkpointsChecked: 1 });
  });

  it('says the checkpoints are signed by a key not trusted here without A (chains intact: exit 0)', async () => {
    const cli = cliOn(opened, keyB);
    const all = await cli('verify', '--json');
    expect(all.code).toBe(0);
    expect(summaryOf(all.out)).toMatchObject({ ok: true, unverifiedCheckpoints: 1 });
    const human = await cli('verify');
    expect(human.code).toBe(0);
    expect(human.out).toContain(
      'UNVERIFIED: 1 checkpoints signed by a key not trusted here (AUDIT_TRUSTED_PUBLIC_KEYS)',
    );
    const one = await cli('verify', '--selection', id, '--json');
    expect(JSON.parse(one.out)).toMatchObject({
      ok: true,
      checkpointsChecked: 0,
      unverifiedCheckpoints: 1,
    });
    const oneHuman = await cli('verify', '--selection', id);
    expect(oneHuman.code).toBe(0);
    expect(oneHuman.out).toContain('intact, 5 events, head ');
    expect(oneHuman.out).toContain('; UNVERIFIED: 1 checkpoints signed by a key not trusted here');
  });

  it("catches a re-hashed rewrite with A's checkpoint only while A is trusted: exit 1", async () => {
    await opened.tamper.rewriteTail(`selection-${id}`, 3);
    const trusting = await cliOn(opened, keyB, keyA.publicKeyPem)('verify', '--selection', id);
    expect(trusting.code).toBe(1);
    expect(trusting.out).toContain('BROKEN at revision 3: altered (signed checkpoint)');
    expect(await cliOn(opened, keyB)('verify', '--selection', id)).toMatchObject({ code: 0 });
  });
});

describe('jejak audit with AUDIT_TRUSTED_PUBLIC_KEYS from the environment', () => {
  const directory = mkdtempSync(join(tmpdir(), 'jejak-audit-cli-env-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const [keyA, keyB] = [aTestSigner(), aTestSigner()];
  const path = join(directory, 'jejak.db');

  const run = async (env: Record<string, string>, ...args: string[]) => {
    const output = { out: '', err: '' };
    const stream = (key: 'out' | 'err') =>
      ({
        isTTY: false,
        write: (text: string) => void (output[key] += text),
      }) as unknown as NodeJS.WriteStream;
    const context = auditCliContext(
      { DATA_DIR: directory, EVENT_STORE: 'embedded', EVENT_STORE_PATH: path, ...env },
      { stdout: stream('out'), stderr: stream('err') },
    );
    const code = await runAuditCommand(args, context);
    return { code, ...output };
  };

  beforeAll(async () => {
    const store = await createEventStore({ kind: 'embedded', path });
    try {
      await aSampleSelection(store);
      await checkpointAll(store, keyA, '2024-05-25T00:00:00.000Z');
    } finally {
      await store.close();
    }
  });

  it('reads the earlier keys as PEM text or as a file, and prints the current key only', async () => {
    const file = join(directory, 'trusted.pem');
    writeFileSync(file, keyA.publicKeyPem);
    const rotated = { AUDIT_SIGNING_KEY: keyB.privateKeyPem.replace(/\n/g, '\\n') };
    for (const trusted of [keyA.publicKeyPem.replace(/\n/g, '\\n'), file]) {
      const result = await run({ ...rotated, AUDIT_TRUSTED_PUBLIC_KEYS: trusted }, 'verify');
      expect(result).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: /) });
      expect(result.out).not.toContain('UNVERIFIED');
    }
    expect((await run(rotated, 'verify')).out).toContain('UNVERIFIED: 1 checkpoints');
    expect((await run(rotated, 'public-key')).out).toBe(keyB.publicKeyPem);
  });

  it('exits 2 naming the variable when a trusted key is not a public key', async () => {
    const result = await run(
      { AUDIT_SIGNING_KEY: keyB.privateKeyPem, AUDIT_TRUSTED_PUBLIC_KEYS: keyA.privateKeyPem },
      'verify',
    );
    expect(result).toMatchObject({
      code: 2,
      err: expect.stringContaining('AUDIT_TRUSTED_PUBLIC_KEYS'),
    });
  });
});
