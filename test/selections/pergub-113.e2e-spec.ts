import type { Command, Role } from '@jejak/workflows';
import {
  ADMINISTRATOR_POST,
  completedRound,
  nip,
  sekretariatMembers,
  tpkMembers,
  track,
} from '../../workflows/src/pergub-113-filling/pergub113.fixtures.js';
import type { TestApp } from '../support/test-app.js';
import { startSelectionsApp, storeVariants, testClock } from './support/selections-app.js';
import { expectStatus, PERGUB, selectionHttp } from './support/selection-http.js';

// A Pergub NTT 113/2023 filling round over HTTP: the Pergub helper's reference round (two posts,
// 2025, workflows/.../pergub113.fixtures.ts) step by step with each step's role, and, before the
// step each rule family guards, one probe that breaks it: 422 with the rule id and citation, the
// stream unchanged.

type Probe = {
  rule: string;
  citation: RegExp;
  type: string;
  role: Role;
  body: Record<string, unknown>;
};

const doc = (number: string, date: string) => ({
  issuer: 'Gubernur NTT',
  number,
  date,
  subject: number,
});

/** Probes, sent just before the first command of the given type. */
const PROBES: Record<string, Probe[]> = {
  FormTPK: [
    {
      rule: 'B-DONE',
      citation: /Pergub NTT 113\/2023/,
      type: 'CompleteStage',
      role: 'PPK',
      body: { stage: 'constitutingTpk' },
    },
    {
      rule: 'B-TPK',
      citation: /Pasal 5 ayat \(3\)/,
      type: 'FormTPK',
      role: 'PPK',
      body: { decree: doc('TPK/0', '2025-03-04'), members: tpkMembers(4) },
    },
  ],
  FormSekretariatTPK: [
    {
      rule: 'B-SEKR',
      citation: /Pasal 7 ayat \(2\)/,
      type: 'FormSekretariatTPK',
      role: 'SEKDA',
      body: {
        decree: doc('SEKR/0', '2025-03-06'),
        members: sekretariatMembers().map((m) => ({ ...m, coordinator: false })),
      },
    },
  ],
  RecordVacancy: [
    {
      rule: 'B-VAC',
      citation: /Pasal 9 ayat \(1\)/,
      type: 'RecordVacancy',
      role: 'SEKRETARIAT',
      body: { ...ADMINISTRATOR_POST, vacancyId: 'V9', eselon: 'IV.a' },
    },
  ],
  SetCandidates: [
    {
      rule: 'B-3X',
      citation: /Pasal 10 huruf c/,
      type: 'SetCandidates',
      role: 'TPK',
      body: {
        candidates: [
          { vacancyId: 'V1', nips: [nip(1), nip(2)] },
          { vacancyId: 'V2', nips: [nip(11), nip(12)] },
        ],
      },
    },
  ],
  RecordTrackRecord: [
    {
      rule: 'B-360',
      citation: /Pasal 11 ayat \(4\)/,
      type: 'RecordTrackRecord',
      role: 'TPK',
      body: { nip: nip(1), sources: track().slice(0, 1) },
    },
  ],
  ReportToPPK: [
    {
      rule: 'B-THREE',
      citation: /Pasal 11 ayat \(6\)/,
      type: 'ReportToPPK',
      role: 'TPK',
      body: {
        report: doc('TPK/LAP/0', '2025-05-05'),
        shortlists: [
          { vacancyId: 'V1', nips: [nip(1), nip(2)] },
          { vacancyId: 'V2', nips: [nip(11), nip(12), nip(13)] },
        ],
      },
    },
  ],
  ChooseCandidate: [
    {
      rule: 'B-PICK',
      citation: /Pasal 12 ayat \(1\)/,
      type: 'ChooseCandidate',
      role: 'PPK',
      body: { vacancyId: 'V1', nip: nip(11) },
    },
  ],
  RecordMendagriApproval: [
    {
      rule: 'B-INAUG',
      citation: /UU 10\/2016 Pasal 162 ayat \(3\)/,
      type: 'IssueAppointmentDecree',
      role: 'PPK',
      body: { vacancyId: 'V1', decree: doc('KEP/0', '2025-05-16') },
    },
  ],
};

const commands: Command[] = completedRound();

for (const variant of storeVariants('sel_e2e_pergub')) {
  describe(`a Pergub 113 filling round over HTTP (${variant.name})`, () => {
    let t: TestApp;
    let h: ReturnType<typeof selectionHttp>;
    let id: string;
    const clock = testClock(commands[0]!.metadata.now);
    const probed: string[] = [];

    beforeAll(async () => {
      t = await startSelectionsApp({
        ...variant.options,
        env: { ...variant.options.env, WORKERS: 'off' },
        clock,
      });
      h = selectionHttp(t);
    });
    afterAll(async () => {
      await t.close();
      await variant.dispose();
    });

    const probe = async ({ rule, citation, type, role, body }: Probe) => {
      const before = await h.stream(id);
      const response = await h.command(id, type, { role, body });
      expectStatus(response, 422);
      const violations = response.body.violations as {
        rule: string;
        citation: string;
        message: string;
      }[];
      expect(violations.map((v) => v.rule)).toContain(rule);
      expect(violations.find((v) => v.rule === rule)!.citation).toMatch(citation);
      expect(await h.stream(id)).toEqual(before);
      probed.push(rule);
    };

    it('runs the round to completed, with one 422 per rule family on the way', async () => {
      const seen = new Set<string>();
      for (const [i, command] of commands.entries()) {
        clock.set(command.metadata.now);
        const role = command.metadata.actor.role;
        if (command.type === 'OpenSelection') {
          const { selectionId: _ignored, ...data } = command.data as { selectionId: string };
          id = expectStatus(await h.open({ kind: PERGUB, ...data }, { role }), 201).body
            .id as string;
          continue;
        }
        if (!seen.has(command.type)) {
          seen.add(command.type);
          for (const p of PROBES[command.type] ?? []) await probe(p);
        }
        const response = await h.command(id, command.type, { role, body: command.data });
        expectStatus(response, 200);
        expect(response.body.revision).toBe(i);
      }
      expect(probed.sort()).toEqual(
        Object.values(PROBES)
          .flat()
          .map((p) => p.rule)
          .sort(),
      );
      const detail = expectStatus(await h.get(`/selections/${id}`, { role: 'AUDITOR' }), 200).body;
      expect(detail).toMatchObject({
        kind: PERGUB,
        state: 'completed',
        revision: commands.length - 1,
      });
    }, 120_000);

    it('stored each step with its actor, role and citations', async () => {
      const events = await h.stream(id);
      expect(events.length).toBe(commands.length);
      for (const [i, event] of events.entries()) {
        expect(event.metadata['role']).toBe(commands[i]!.metadata.actor.role);
        expect(event.metadata['command']).toBe(commands[i]!.type);
      }
      const tpk = events.find((e) => e.type === 'TPKFormed')!;
      expect(JSON.parse(tpk.metadata['legalBasis']!)).toEqual([
        'Pergub NTT 113/2023 Pasal 5 ayat (3) dan ayat (4)',
      ]);
      expect(await t.store.verifyStream(`selection-${id}`)).toMatchObject({ ok: true });
    });
  });
}
