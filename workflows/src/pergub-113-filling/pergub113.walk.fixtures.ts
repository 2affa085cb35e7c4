import type { Pergub113Command } from './pergub113.commands.js';
import {
  ADMINISTRATOR_POST,
  administratorPool,
  cmd,
  doc,
  PENGAWAS_POST,
  pengawasPool,
  sekretariatMembers,
  tpkMembers,
  track,
} from './pergub113.fixtures.js';
import type { PergubContext } from './pergub113.types.js';

// Test support: the commands that move a round forward from any snapshot (one per kind of work
// left), and the side commands every running stage takes. Used by the model-based and property
// tests to walk the machine.

export const D = '2025-05-19';
const POOLS: Record<string, () => ReturnType<typeof administratorPool>> = {
  V1: administratorPool,
  V2: pengawasPool,
};
export const sideCommands: Pergub113Command[] = [
  cmd('RecordPpkStatus', { status: 'GUBERNUR', since: '2025-02-20' }, 'SEKRETARIAT', D),
  cmd('SetPlannedSchedule', { dates: { inauguration: '2025-06-02' } }, 'SEKRETARIAT', D),
  cmd('CancelFilling', { reason: 'dibatalkan' }, 'PPK', D),
];

const active = (c: PergubContext) => c.vacancies.filter((v) => v.subStatus !== 'cancelled');
export const cancelLast = (c: PergubContext): Pergub113Command[] => {
  const v = [...c.vacancies]
    .reverse()
    .find((x) => x.subStatus !== 'cancelled' && x.subStatus !== 'filled');
  return v
    ? [cmd('CancelVacancy', { vacancyId: v.vacancyId, reason: 'ditiadakan' }, 'PPK', D)]
    : [];
};
const first = <T>(items: T[]) => items.slice(0, 1);

export function progress(state: string, c: PergubContext): Pergub113Command[] {
  const nips = [...new Set(active(c).flatMap((v) => v.candidates))];
  switch (state) {
    case 'unopened':
      return [cmd('OpenSelection', { selectionId: 'm', title: 'model' }, 'SEKRETARIAT', D)];
    case 'constitutingTpk':
      return [
        cmd('FormTPK', { decree: doc('T', D), members: tpkMembers() }, 'PPK', D),
        cmd(
          'FormSekretariatTPK',
          { decree: doc('S', D), members: sekretariatMembers() },
          'SEKDA',
          D,
        ),
        cmd('CompleteStage', { stage: 'constitutingTpk' }, 'PPK', D),
      ];
    case 'inventory':
      return [
        ...first(
          [ADMINISTRATOR_POST, PENGAWAS_POST].filter(
            (p) => !c.vacancies.some((v) => v.vacancyId === p.vacancyId),
          ),
        ).map((p) => cmd('RecordVacancy', p, 'SEKRETARIAT', D)),
        cmd('SubmitInventoryToTPK', {}, 'SEKRETARIAT', D),
      ];
    case 'administrativeSelection':
      return [
        ...first(active(c).filter((v) => v.subStatus === 'open')).map((v) =>
          cmd(
            'PrepareEligibleList',
            { vacancyId: v.vacancyId, profiles: POOLS[v.vacancyId]!() },
            'SEKRETARIAT',
            D,
          ),
        ),
        cmd(
          'SetCandidates',
          {
            candidates: active(c).map((v) => ({
              vacancyId: v.vacancyId,
              nips: v.eligibleList.map((e) => e.nip),
            })),
          },
          'TPK',
          D,
        ),
      ];
    case 'mapping':
      return [
        ...first(nips.filter((n) => !c.mapping[n])).map((n) =>
          cmd('RecordMappingResult', { nip: n, jpm: 75, category: 'MS' }, 'ASESOR', D),
        ),
        cmd('CompleteStage', { stage: 'mapping' }, 'TPK', D),
      ];
    case 'trackRecord':
      return [
        ...first(nips.filter((n) => !c.trackRecords[n])).map((n) =>
          cmd('RecordTrackRecord', { nip: n, sources: track() }, 'TPK', D),
        ),
        cmd('CompleteStage', { stage: 'trackRecord' }, 'TPK', D),
      ];
    case 'reportedToPpk':
      return [
        cmd(
          'ReportToPPK',
          {
            report: doc('L', D),
            shortlists: active(c).map((v) => ({
              vacancyId: v.vacancyId,
              nips: v.candidates.slice(0, 3),
            })),
          },
          'TPK',
          D,
        ),
      ];
    case 'ppkChoice':
      return first(active(c).filter((v) => v.subStatus === 'shortlisted')).map((v) =>
        cmd('ChooseCandidate', { vacancyId: v.vacancyId, nip: v.shortlist[0]! }, 'PPK', D),
      );
    case 'inauguration': {
      const reportable = c.vacancies.filter(
        (v) => v.inauguration?.approvalRequired && !v.reportedToMendagri,
      );
      return [
        ...(c.mendagriApprovals.length === 0
          ? [
              cmd(
                'RecordMendagriApproval',
                { document: doc('M', '2025-05-14', 'Mendagri') },
                'SEKRETARIAT',
                D,
              ),
            ]
          : []),
        ...first(active(c).filter((v) => v.subStatus === 'chosen')).map((v) =>
          cmd(
            'IssueAppointmentDecree',
            { vacancyId: v.vacancyId, decree: doc('K', '2025-05-16') },
            'PPK',
            D,
          ),
        ),
        ...first(active(c).filter((v) => v.subStatus === 'decreed')).map((v) =>
          cmd('RecordInauguration', { vacancyId: v.vacancyId, date: D, oathTaken: true }, 'PPK', D),
        ),
        ...(reportable.length > 0
          ? [
              cmd(
                'ReportToMendagri',
                { document: doc('R', D), vacancyIds: reportable.map((v) => v.vacancyId) },
                'SEKRETARIAT',
                D,
              ),
            ]
          : []),
      ];
    }
    default:
      return [];
  }
}
