import { AuditService, verifyBundle } from '@jejak/audit';
import { SelectionCommands } from '@jejak/selections';
import { jptpOpenSelection, procedures, ROLES, type Command } from '@jejak/workflows';
import { ntt2024Commands } from '../../workflows/src/jptp-open-selection/testing/ntt-2024.case.js';
import { NTT_2024 } from '../../workflows/src/jptp-open-selection/testing/ntt-2024.facts.js';
import { storeVariants, testClock } from '../selections/support/selections-app.js';
import { expectStatus, JPTP, selectionHttp } from '../selections/support/selection-http.js';
import { startAuditApp, type AuditApp } from './support/audit-app.js';
import { READ_ROLES } from '../../apps/api/src/security/read-roles.js';

// The 2024 NTT reference case (docs/domain.md §8), decided by the real JPTP procedure through the
// application layer (SelectionCommands: load, fold, decide, append with actor and citations),
// then read by an AUDITOR: the report, the evidence bundle, the timeline, the replay, and the
// role rule (every read 200, every command 403).

const commands: Command[] = ntt2024Commands();
const [embedded] = storeVariants('audit_e2e_ntt');
// Each read folds and verifies the whole stream (459 events): generous limits on a loaded CI box.
const SLOW = 60_000;

describe('the 2024 NTT reference case for auditors', () => {
  const clock = testClock(commands[0]!.metadata.now);
  let audit: AuditApp;
  let h: ReturnType<typeof selectionHttp>;
  let id: string;

  beforeAll(async () => {
    audit = await startAuditApp(embedded!, clock);
    h = selectionHttp(audit.t);
    const selections = audit.t.app.get(SelectionCommands);
    for (const command of commands) {
      clock.set(command.metadata.now);
      const { actor } = command.metadata;
      if (command.type === 'OpenSelection') {
        const { selectionId: _ignored, ...data } = command.data as { selectionId: string };
        id = (await selections.open(JPTP, data, actor)).selectionId;
      } else await selections.execute(id, { type: command.type, data: command.data, actor });
    }
  }, 3 * SLOW);
  afterAll(() => audit.close());

  it(
    'prints a report in Bahasa Indonesia with the 15 posts, the Mendagri and KASN letters',
    async () => {
      const response = expectStatus(
        await h.get(`/selections/${id}/export?format=html`, { role: 'AUDITOR' }),
        200,
      );
      expect(response.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      const html = String(response.text).replace(/\s+/g, ' ');
      expect(html).toContain('<html lang="id">');
      expect(html).toContain('Hasil per jabatan (15 jabatan)');
      for (const vacancy of NTT_2024.vacancies) expect(html).toContain(vacancy.title);
      const { mendagriApproval, supervisoryRecommendation, panselDecree } = NTT_2024.documents;
      expect(html).toContain(`MENDAGRI Nomor ${mendagriApproval.number} tanggal 2024-05-06`);
      expect(html).toContain(`KASN Nomor ${supervisoryRecommendation.number} tanggal 2024-05-08`);
      expect(html).toContain(panselDecree.number);
      expect(html).toContain(`UTUH: ${commands.length} peristiwa diperiksa`);
      const [head] = await audit.t.store.readStream(`selection-${id}`, {
        direction: 'backwards',
        maxCount: 1,
      });
      expect(html).toContain(head!.hash);
    },
    SLOW,
  );

  it(
    'exports a signed bundle that verifies offline and folds to completed',
    async () => {
      const key = expectStatus(await h.get('/audit/public-key', { role: 'AUDITOR' }), 200).body as {
        keyId: string;
        publicKeyPem: string;
      };
      expect(key.keyId).toBe(audit.signer.keyId);
      const response = expectStatus(
        await h.get(`/selections/${id}/export?format=json`, { role: 'AUDITOR' }),
        200,
      );
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="jejak-${id}.json"`,
      );
      const text = String(response.text);
      const verdict = verifyBundle(text, key.publicKeyPem, procedures);
      expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
      expect(JSON.parse(text)).toMatchObject({
        claimedState: { state: 'completed' },
        revision: commands.length - 1,
      });
      const at = text.indexOf(NTT_2024.documents.mendagriApproval.number);
      const changed = `${text.slice(0, at)}9${text.slice(at + 1)}`;
      expect(verifyBundle(changed, key.publicKeyPem, procedures).ok).toBe(false);
    },
    SLOW,
  );

  it(
    'exports a CSV with a BOM and one row per event',
    async () => {
      const response = expectStatus(
        await h.get(`/selections/${id}/export?format=csv`, { role: 'AUDITOR' }),
        200,
      );
      const body = Buffer.from(response.text ?? (response.body as Buffer));
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(String(response.text).trimEnd().split('\r\n')).toHaveLength(commands.length + 1);
    },
    SLOW,
  );

  it(
    'shows a timeline with WITA times, actors with NIP and role, citations and states',
    async () => {
      const timeline = expectStatus(
        await h.get(`/selections/${id}/timeline`, { role: 'AUDITOR' }),
        200,
      ).body as {
        entries: {
          command: string;
          occurredAtWita: string;
          actor: { role: string };
          legalBasis: string[];
          documents: unknown[];
          stateBefore: string;
          stateAfter: string;
        }[];
      };
      expect(timeline.entries).toHaveLength(commands.length);
      const announcement = timeline.entries.find(
        (entry) => entry.command === 'PublishAnnouncement',
      )!;
      expect(announcement.occurredAtWita).toMatch(/^2024-05-15T/);
      expect(announcement.actor.role).toBe('PANSEL');
      expect(announcement.legalBasis.length).toBeGreaterThan(0);
      expect(announcement.stateAfter).toBe('registration');
      const mendagri = timeline.entries.find(
        (entry) => entry.command === 'RecordMendagriApproval',
      )!;
      expect(mendagri.documents).toEqual([
        expect.objectContaining({
          issuer: 'MENDAGRI',
          number: NTT_2024.documents.mendagriApproval.number,
        }),
      ]);
    },
    SLOW,
  );

  it(
    'replays a local WITA moment between two decisions as the fold up to the earlier one',
    async () => {
      const replayed = await audit.t.app.get(AuditService).replay(id, { at: '2024-05-15T12:00' });
      const events = await audit.t.store.readStream(`selection-${id}`);
      const upTo = events.filter(
        (event) =>
          Date.parse((event.data as { occurredAt: string }).occurredAt) <=
          Date.parse('2024-05-15T04:00:00Z'),
      );
      expect(upTo.length).toBeGreaterThan(0);
      expect(upTo.length).toBeLessThan(events.length);
      const folded = jptpOpenSelection.fold(
        upTo.map((event) => ({ type: event.type, data: event.data }) as never),
      );
      expect(replayed).toMatchObject({
        revision: upTo.at(-1)!.revision,
        state: jptpOpenSelection.stateOf(folded),
        summary: JSON.parse(JSON.stringify(jptpOpenSelection.summarize(folded))),
      });
    },
    SLOW,
  );

  it(
    'gives AUDITOR 200 on every read',
    async () => {
      const reads = [
        '/selections',
        `/selections/${id}`,
        `/selections/${id}/events`,
        `/selections/${id}/state?revision=3`,
        `/selections/${id}/timeline`,
        `/selections/${id}/verify`,
        `/selections/${id}/export?format=json`,
        `/selections/${id}/export?format=csv`,
        `/selections/${id}/export?format=html`,
        '/audit/verify',
        '/audit/public-key',
      ];
      for (const path of reads) expectStatus(await h.get(path, { role: 'AUDITOR' }), 200);
      expectStatus(await h.get(`/selections/${id}/export?format=pdf`, { role: 'AUDITOR' }), 400);
    },
    SLOW,
  );

  it(
    'lets the roles that decide or audit read its audit trail, the others get 403',
    async () => {
      for (const role of ROLES) {
        const timeline = (READ_ROLES.personalData as readonly string[]).includes(role) ? 200 : 403;
        const verify = (READ_ROLES.verifySelection as readonly string[]).includes(role) ? 200 : 403;
        expectStatus(await h.get(`/selections/${id}/timeline`, { role }), timeline);
        expectStatus(await h.get(`/selections/${id}/verify`, { role }), verify);
      }
      expect((await audit.t.http().get(`/selections/${id}/verify`)).status).toBe(401);
    },
    SLOW,
  );

  it(
    'gives AUDITOR 403 on every command of every procedure, and writes nothing',
    async () => {
      const selections = audit.t.app.get(SelectionCommands);
      const sekretariat = commands[0]!.metadata.actor;
      const streams = new Map<string, string>([[JPTP, id]]);
      for (const kind of Object.keys(procedures).filter((k) => k !== JPTP)) {
        streams.set(
          kind,
          (await selections.open(kind, { title: `Audit ${kind}` }, sekretariat)).selectionId,
        );
      }
      const before = await Promise.all([...streams.values()].map((s) => h.revision(s)));
      expectStatus(await h.open({ kind: JPTP, title: 'Tidak boleh' }, { role: 'AUDITOR' }), 403);
      for (const procedure of Object.values(procedures)) {
        const target = streams.get(procedure.kind)!;
        for (const type of Object.keys(procedure.commands)) {
          expectStatus(await h.command(target, type, { role: 'AUDITOR', body: {} }), 403);
        }
      }
      expect(await Promise.all([...streams.values()].map((s) => h.revision(s)))).toEqual(before);
    },
    SLOW,
  );
});
