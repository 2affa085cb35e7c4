import { initialTransition, transition } from 'xstate';
import type { Pergub113Command, Pergub113CommandType } from './pergub113.commands.js';
import { PERGUB113_ROLES } from './pergub113.commands.js';
import {
  chosen,
  cmd,
  completedRound,
  constituted,
  doc,
  history,
  inventoried,
  listed,
  mapped,
  reported,
  CANDIDATES,
} from './pergub113.fixtures.js';
import { PERGUB113_EVENT_TYPES } from './pergub113.events.js';
import { pergub113Machine } from './pergub113.machine.js';
import { pergub113Filling } from './pergub113.procedure.js';

const ANY_STAGE: Pergub113CommandType[] = [
  'CancelFilling',
  'RecordPpkStatus',
  'SetPlannedSchedule',
];
const AFTER_INVENTORY: Pergub113CommandType[] = [...ANY_STAGE, 'CancelVacancy'];

/** docs/domain.md §4: the commands each state accepts, and nothing else. */
const ACCEPTED: Record<string, Pergub113CommandType[]> = {
  unopened: ['OpenSelection'],
  constitutingTpk: [...ANY_STAGE, 'FormTPK', 'FormSekretariatTPK', 'CompleteStage'],
  inventory: [...AFTER_INVENTORY, 'RecordVacancy', 'SubmitInventoryToTPK'],
  administrativeSelection: [...AFTER_INVENTORY, 'PrepareEligibleList', 'SetCandidates'],
  mapping: [...AFTER_INVENTORY, 'RecordMappingResult', 'CompleteStage'],
  trackRecord: [...AFTER_INVENTORY, 'RecordTrackRecord', 'CompleteStage'],
  reportedToPpk: [...AFTER_INVENTORY, 'ReportToPPK'],
  ppkChoice: [...AFTER_INVENTORY, 'ChooseCandidate'],
  inauguration: [
    ...AFTER_INVENTORY,
    'RecordMendagriApproval',
    'IssueAppointmentDecree',
    'RecordInauguration',
    'ReportToMendagri',
  ],
  completed: [],
  cancelled: [],
};

const cancelFilling = cmd('CancelFilling', { reason: 'restrukturisasi OPD' }, 'PPK', '2025-03-04');
const REACH: Record<string, Pergub113Command[]> = {
  unopened: [],
  constitutingTpk: constituted().slice(0, 2),
  inventory: constituted(),
  administrativeSelection: inventoried(),
  mapping: [...listed(), cmd('SetCandidates', { candidates: CANDIDATES() }, 'TPK', '2025-03-24')],
  trackRecord: mapped(),
  reportedToPpk: reported().slice(0, -1),
  ppkChoice: reported(),
  inauguration: chosen(),
  completed: completedRound(),
  cancelled: [...constituted().slice(0, 2), cancelFilling],
};

const d = '2025-06-02';
/** One command of every type, the data plausible but not necessarily passing its rules. */
const SAMPLES: Pergub113Command[] = [
  cmd('OpenSelection', { selectionId: 's', title: 't' }, 'SEKRETARIAT', d),
  cmd('FormTPK', { decree: doc('T', d), members: [] }, 'PPK', d),
  cmd('FormSekretariatTPK', { decree: doc('S', d), members: [] }, 'SEKDA', d),
  cmd(
    'RecordVacancy',
    {
      vacancyId: 'V7',
      title: 't',
      unit: 'u',
      eselon: 'IV.b',
      jabatan: 'PENGAWAS',
      status: 'LOWONG',
    },
    'SEKRETARIAT',
    d,
  ),
  cmd('SubmitInventoryToTPK', {}, 'SEKRETARIAT', d),
  cmd('PrepareEligibleList', { vacancyId: 'V1', profiles: [] }, 'SEKRETARIAT', d),
  cmd('SetCandidates', { candidates: [] }, 'TPK', d),
  cmd('RecordMappingResult', { nip: 'x', jpm: 1, category: 'KMS' }, 'ASESOR', d),
  cmd('RecordTrackRecord', { nip: 'x', sources: [] }, 'TPK', d),
  cmd('CompleteStage', { stage: 'mapping' }, 'TPK', d),
  cmd('ReportToPPK', { report: doc('L', d), shortlists: [] }, 'TPK', d),
  cmd('ChooseCandidate', { vacancyId: 'V1', nip: 'x' }, 'PPK', d),
  cmd('RecordMendagriApproval', { document: doc('M', d, 'Mendagri') }, 'SEKRETARIAT', d),
  cmd('IssueAppointmentDecree', { vacancyId: 'V1', decree: doc('K', d) }, 'PPK', d),
  cmd('RecordInauguration', { vacancyId: 'V1', date: d, oathTaken: true }, 'PPK', d),
  cmd('ReportToMendagri', { document: doc('R', d), vacancyIds: [] }, 'SEKRETARIAT', d),
  cmd('CancelVacancy', { vacancyId: 'V1', reason: 'r' }, 'PPK', d),
  cmd('CancelFilling', { reason: 'r' }, 'PPK', d),
  cmd('RecordPpkStatus', { status: 'GUBERNUR', since: d }, 'SEKRETARIAT', d),
  cmd('SetPlannedSchedule', { dates: { mapping: d } }, 'SEKRETARIAT', d),
];

describe('pergub113 machine', () => {
  it('yields every stored event type from exactly one command', () => {
    const yielded = Object.values(pergub113Filling.commands).map((spec) => spec.event);
    expect([...yielded].sort()).toEqual([...PERGUB113_EVENT_TYPES].sort());
  });

  it('has a sample for every command and a role for every command', () => {
    expect(SAMPLES.map((c) => c.type).sort()).toEqual(Object.keys(PERGUB113_ROLES).sort());
    expect(Object.keys(pergub113Filling.commands).sort()).toEqual(
      Object.keys(PERGUB113_ROLES).sort(),
    );
    expect(Object.values(PERGUB113_ROLES).every((roles) => roles.length > 0)).toBe(true);
  });

  describe.each(Object.entries(ACCEPTED))('when %s', (state, accepted) => {
    // Folded on first use inside a test, not when the describe is collected: Stryker's per-test
    // coverage (docs/mutation-testing.md) then runs only the tests that reach a mutant.
    let folded: ReturnType<typeof pergub113Filling.fold> | undefined;
    const reached = () => (folded ??= pergub113Filling.fold(history(REACH[state]!)));

    it('is reached by its commands', () => {
      expect(pergub113Filling.stateOf(reached())).toBe(state);
    });

    it('accepts exactly the commands docs/domain.md lists', () => {
      expect([...pergub113Filling.acceptedCommands(reached())].sort()).toEqual(
        [...accepted].sort(),
      );
    });

    it.each(SAMPLES.map((c) => [c.type, c] as const))('%s is %s', (type, command) => {
      const decision = pergub113Filling.decide(command, reached());
      if (accepted.includes(type)) {
        expect(decision.kind).not.toBe('NotAllowedInState');
      } else {
        expect(decision).toEqual({
          kind: 'NotAllowedInState',
          state,
          acceptedCommands: expect.arrayContaining(accepted),
        });
      }
    });
  });

  it('ends in final states that accept nothing', () => {
    for (const state of ['completed', 'cancelled']) {
      expect(pergub113Filling.fold(history(REACH[state]!)).status).toBe('done');
    }
  });

  it('starts unopened with an empty, JSON-serializable context', () => {
    const [initial] = initialTransition(pergub113Machine);
    expect(initial.value).toBe('unopened');
    expect(JSON.parse(JSON.stringify(initial.context))).toEqual(initial.context);
  });

  it('ignores an event its guard refuses, keeping the snapshot', () => {
    const snapshot = pergub113Filling.fold(history(constituted().slice(0, 2)));
    const bad = {
      type: 'TPKFormed' as const,
      data: { decree: doc('T', d), members: [], occurredAt: `${d}T09:00:00+08:00` },
    };
    expect(snapshot.can(bad)).toBe(false);
    const [next] = transition(pergub113Machine, snapshot, bad);
    expect(next.context).toEqual(snapshot.context);
  });

  it('records the date each stage was entered and the cancellation', () => {
    const context = pergub113Filling.contextOf(pergub113Filling.fold(history(REACH.cancelled!)));
    expect(context.stageEntered).toEqual({ constitutingTpk: '2025-03-03' });
    expect(context.cancellation).toEqual({ reason: 'restrukturisasi OPD', on: '2025-03-04' });
  });
});
