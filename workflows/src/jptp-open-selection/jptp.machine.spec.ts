import { JPTP_COMMAND_TYPES, type JptpCommandType } from './jptp.commands.js';
import { jptpOpenSelection as procedure } from './jptp.procedure.js';
import { JPTP_ROLES } from './jptp.roles.js';
import { jptpCommand as c, wita } from './testing/jptp-builders.js';
import { after, expectAccepted, when } from './testing/jptp-expect.js';
import { sampleCommands } from './testing/jptp-samples.js';
import { jptpScenario, type ScenarioState } from './testing/jptp-scenario.js';

// The state table of docs/domain.md §3: each command is accepted in exactly the listed states; in any
// other state the decider answers NotAllowedInState (409) with the commands it does accept.

const EVERY_ACTIVE_STAGE: JptpCommandType[] = [
  'CancelVacancy',
  'CancelSelection',
  'SuspendSelection',
  'RecordPpkStatus',
  'SetPlannedSchedule',
];

const STATE_TABLE: Record<string, JptpCommandType[]> = {
  unopened: ['OpenSelection'],
  planning: ['RegisterVacancy', 'RecordOpenSelectionBasis', 'ConfigureSelection', 'CompleteStage'],
  preparing: [
    'RecordMendagriApproval',
    'RecordSupervisoryRecommendation',
    'FormPansel',
    'PublishAnnouncement',
  ],
  registration: ['SubmitApplication', 'WithdrawApplication', 'CloseRegistration'],
  registrationClosed: ['ExtendRegistration', 'ResolveInsufficientApplicants', 'CompleteStage'],
  administrativeSelection: ['VerifyApplication', 'PublishAdministrativeResult'],
  competencyAssessment: ['RecordAssessmentResult', 'RecordTechnicalResult', 'CompleteStage'],
  trackRecord: ['RecordTrackRecord', 'CompleteStage'],
  interview: ['RecordInterview', 'CompleteStage'],
  ranking: ['ProposeThreeNames', 'RecordSupervisoryRecommendation', 'PublishFinalResult'],
  awaitingPpk: ['SubmitToPPK', 'RecordSupervisoryRecommendation', 'ChooseCandidate'],
  inauguration: [
    'RecordMendagriApproval',
    'IssueAppointmentDecree',
    'RecordInauguration',
    'ReportToMendagri',
  ],
  suspended: ['ResumeSelection', 'CancelSelection', 'RecordPpkStatus', 'SetPlannedSchedule'],
  completed: [],
  cancelled: [],
};

const STAGES = Object.keys(STATE_TABLE).filter(
  (s) => !['unopened', 'suspended', 'completed', 'cancelled'].includes(s),
);
const accepts = (state: string): JptpCommandType[] => [
  ...(STATE_TABLE[state] ?? []),
  ...(STAGES.includes(state) ? EVERY_ACTIVE_STAGE : []),
];

const scenario = jptpScenario();
const pause = c('SuspendSelection', { reason: 'fungsi KASN beralih' }, wita('2024-05-20'), 'PPK');
const eventsIn = (state: string) => {
  if (state === 'unopened') return [];
  if (state === 'suspended') return after(scenario.eventsTo('registration'), pause);
  if (state === 'cancelled') {
    return after(
      scenario.eventsTo('planning'),
      c('CancelSelection', { reason: 'x' }, wita('2024-04-02'), 'PPK'),
    );
  }
  return scenario.eventsTo(state as ScenarioState);
};
const samples = sampleCommands(wita('2024-07-31'));

describe('jptp machine: commands per state (docs/domain.md §3)', () => {
  describe.each(Object.keys(STATE_TABLE))('when %s', (state) => {
    // Folded before each test, not when the describe is collected: Stryker's per-test coverage
    // (docs/mutation-testing.md) then runs only the tests that reach a mutant.
    let snapshot: ReturnType<typeof procedure.fold>;
    beforeEach(() => {
      snapshot = procedure.fold(eventsIn(state));
    });
    const expected = accepts(state).sort();

    it('is in that state and accepts exactly the listed commands', () => {
      expect(procedure.stateOf(snapshot)).toBe(state);
      expect([...procedure.acceptedCommands(snapshot)].sort()).toEqual(expected);
    });

    it('answers NotAllowedInState, with the accepted commands, to every other command', () => {
      const others = (Object.keys(samples) as JptpCommandType[]).filter(
        (t) => !expected.includes(t),
      );
      for (const type of others) {
        const decision = procedure.decide(samples[type], snapshot);
        expect(
          decision.kind === 'NotAllowedInState'
            ? { ...decision, acceptedCommands: [...decision.acceptedCommands].sort() }
            : decision,
        ).toEqual({
          kind: 'NotAllowedInState',
          state,
          acceptedCommands: expected,
        });
      }
    });
  });

  it('lists every command of the catalog in some state, with its roles', () => {
    const listed = new Set(Object.keys(STATE_TABLE).flatMap(accepts));
    expect([...listed].sort()).toEqual(Object.keys(procedure.commands).sort());
    expect([...JPTP_COMMAND_TYPES].sort()).toEqual(Object.keys(procedure.commands).sort());
    for (const type of listed) expect(procedure.commands[type].roles).toEqual(JPTP_ROLES[type]);
  });
});

describe('jptp machine: suspension, cancellation, completion', () => {
  it('resumes in the stage it was suspended in (history), also after persist and restore', () => {
    const suspended = procedure.fold(after(scenario.eventsTo('trackRecord'), pause));
    const resume = c('ResumeSelection', { reason: 'dilanjutkan' }, wita('2024-06-21'), 'PPK');
    const decision = procedure.decide(resume, suspended);
    const events = decision.kind === 'Accepted' ? decision.events : [];
    expect(procedure.stateOf(procedure.fold(events, suspended))).toBe('trackRecord');
    const restored = procedure.restore(JSON.parse(JSON.stringify(procedure.persist(suspended))));
    expect(procedure.stateOf(procedure.fold(events, restored))).toBe('trackRecord');
    expect(events).toHaveLength(1);
  });

  it('cancels from any stage and from suspension, then accepts nothing', () => {
    const cancel = c('CancelSelection', { reason: 'dibatalkan PPK' }, wita('2024-05-21'), 'PPK');
    const { state, context } = expectAccepted(
      when(after(scenario.eventsTo('registration'), pause), cancel),
    );
    expect(state).toBe('cancelled');
    expect(context.cancellation).toEqual({ reason: 'dibatalkan PPK', at: wita('2024-05-21') });
  });

  it('completes by itself when every vacancy is cancelled', () => {
    const cancel = (v: string) =>
      c('CancelVacancy', { vacancyId: v, reason: 'dihapus' }, wita('2024-06-01'), 'PPK');
    const oneLeft = after(scenario.eventsTo('administrativeSelection'), cancel('v1'));
    expect(procedure.stateOf(procedure.fold(oneLeft))).toBe('administrativeSelection');
    expect(expectAccepted(when(oneLeft, cancel('v2'))).state).toBe('completed');
  });

  it('waits in the inauguration for the report to Mendagri before completing', () => {
    const events = scenario.eventsTo('completed');
    const beforeReport = procedure.fold(events.slice(0, -1));
    expect(procedure.stateOf(beforeReport)).toBe('inauguration');
    expect(procedure.contextOf(beforeReport).vacancies.map((v) => v.subStatus)).toEqual([
      'filled',
      'filled',
    ]);
    expect(procedure.stateOf(procedure.fold(events))).toBe('completed');
  });
});

describe('jptp machine: determinism and JSON', () => {
  it('folds the same events twice to deep-equal states', () => {
    const events = scenario.eventsTo('completed');
    expect(procedure.persist(procedure.fold(events))).toEqual(
      procedure.persist(procedure.fold(events)),
    );
  });

  it('keeps the context JSON-serializable and restorable at every step', () => {
    const events = scenario.eventsTo('completed');
    events.reduce((snapshot, event) => {
      const next = procedure.evolve(snapshot, event);
      const persisted = procedure.persist(next);
      expect(JSON.parse(JSON.stringify(persisted))).toEqual(persisted);
      expect(procedure.persist(procedure.restore(persisted))).toEqual(persisted);
      return next;
    }, procedure.initialState());
  });
});
