import type { JptpCommand } from './jptp.commands.js';
import type { JptpEvent, JptpInsufficientApplicantsDecision } from './jptp.events.js';
import { jptpOpenSelection as procedure } from './jptp.procedure.js';
import {
  announcementGate,
  minimumApplicants,
  panselComposition,
  registrationWindow,
  selectionConfiguration,
} from './jptp.rules.js';
import {
  ANNOUNCEMENT,
  MENDAGRI_2024,
  PANSEL_DECREE,
  aDocument,
  aProfile,
  jptpCommand as c,
  nipOf,
  panselOf,
  wita,
} from './testing/jptp-builders.js';
import { after, expectAccepted, expectBroken, when } from './testing/jptp-expect.js';
import { jptpScenario } from './testing/jptp-scenario.js';

// The rules from planning to the close of registration (jptp.checks-opening.ts) at their legal
// boundaries, on both sides: the day before, the day of and the day after; 2, 3 and 4 applicants.
// Given the events so far, when a command is decided, then the rule id and its citation (issue 23:
// the mutants that survived the first mutation run). The scenario announces on 15 May 2024.

/** The rule's own verdict on the event `command` would yield after `events`, with no other rule. */
const checkedBy = (
  rule: typeof minimumApplicants,
  events: readonly JptpEvent[],
  command: JptpCommand,
) => {
  const context = procedure.contextOf(procedure.fold(events));
  const spec = procedure.commands[command.type];
  const event = spec.toEvent(command as never, context);
  return rule.check({ context, event });
};

const scenario = jptpScenario();
const planning = () => scenario.eventsTo('planning');
const preparing = () => scenario.eventsTo('preparing');

describe('A-GATE: a supervisory recommendation of the selection plan, dated on or before the announcement', () => {
  const mendagri = c(
    'RecordMendagriApproval',
    { document: MENDAGRI_2024, purpose: 'SELECTION', covers: { selectionId: 'sel-1' } },
    wita('2024-05-07'),
  );
  const pansel = c(
    'FormPansel',
    { decree: PANSEL_DECREE, members: panselOf() },
    wita('2024-05-13'),
  );
  const recommendation = (purpose: 'PLAN' | 'RESULT', date: string) =>
    c(
      'RecordSupervisoryRecommendation',
      { document: aDocument('KASN', 'B-1626/JP.00.00/05/2024', date), purpose },
      wita(date, '07:00:00'),
    );
  const announce = c(
    'PublishAnnouncement',
    {
      announcement: ANNOUNCEMENT,
      registrationOpensOn: '2024-05-15',
      registrationClosesOn: '2024-05-29',
    },
    wita('2024-05-15', '08:00:00'),
  );

  it.each(['2024-05-14', '2024-05-15'])(
    'given a recommendation of the plan dated %s, when the Pansel announces on 15 May, then it is accepted',
    (date) => {
      const events = after(preparing(), mendagri, recommendation('PLAN', date), pansel);
      expect(expectAccepted(when(events, announce)).state).toBe('registration');
    },
  );

  it('given a recommendation dated the day after the announcement, when A-GATE checks the announcement, then it is missing', () => {
    const events = after(preparing(), mendagri, recommendation('PLAN', '2024-05-16'), pansel);
    expect(checkedBy(announcementGate, events, announce)).toEqual([
      {
        rule: 'A-GATE',
        citation: announcementGate.citation,
        message: 'no supervisory recommendation of the selection plan',
      },
    ]);
  });

  it('given only a recommendation of the results (not of the plan), when the Pansel announces, then A-GATE is broken', () => {
    const events = after(preparing(), mendagri, recommendation('RESULT', '2024-05-09'), pansel);
    const [violation] = expectBroken(
      when(events, announce),
      announcementGate,
      'no supervisory recommendation of the selection plan',
    );
    expect(violation).toMatchObject({
      rule: 'A-GATE',
      citation:
        'PP 49/2008 Pasal 132A; UU 10/2016 Pasal 71 ayat (2); PermenPAN-RB 15/2019 (rekomendasi KASN, Pansel)',
    });
  });

  it('given a Penjabat PPK and no Mendagri approval, when the Pansel announces, then A-GATE names the basis and its citation', () => {
    const events = after(preparing(), recommendation('PLAN', '2024-05-09'), pansel);
    expectBroken(
      when(events, announce),
      announcementGate,
      'announcing on 2024-05-15 needs a Mendagri approval that names this selection or its posts: PPK adalah Penjabat kepala daerah (PP 49/2008 Pasal 132A ayat (1) huruf a dan ayat (2); Permendagri 4/2023 Pasal 15)',
    );
  });

  it('given a Mendagri approval dated the day of the announcement, when the Pansel announces, then it is accepted', () => {
    const sameDay = c(
      'RecordMendagriApproval',
      {
        document: { ...MENDAGRI_2024, date: '2024-05-15' },
        purpose: 'SELECTION',
        covers: { selectionId: 'sel-1' },
      },
      wita('2024-05-15', '07:30:00'),
    );
    const events = after(preparing(), recommendation('PLAN', '2024-05-09'), pansel, sameDay);
    expectAccepted(when(events, announce));
  });
});

describe('A-CFG: stage weights of at least 0 summing to 100, a whole maximum age of at least 1', () => {
  const configure = (
    weights: [number, number, number, number],
    extra: { maxPostsPerApplicant?: number; maxAge?: number } = {},
  ) => {
    const [assessment, technical, trackRecord, interview] = weights;
    return c(
      'ConfigureSelection',
      { weights: { assessment, technical, trackRecord, interview }, ...extra },
      wita('2024-04-02'),
    );
  };

  it('given a new selection, when a stage weighs 0 and the others sum to 100, then it is accepted', () => {
    const { context } = expectAccepted(when(planning(), configure([0, 40, 30, 30])));
    expect(context.config.weights).toMatchObject({ assessment: 0 });
  });

  it('given a new selection, when a stage weighs -10 and the sum is still 100, then A-CFG is broken', () => {
    expectBroken(
      when(planning(), configure([-10, 50, 30, 30])),
      selectionConfiguration,
      'a stage weight is not a number >= 0',
    );
  });

  it.each([
    [0, false],
    [1, true],
    [1.5, false],
    [56, true],
  ])('given a new selection, when maxAge is %d, then accepted is %s', (maxAge, accepted) => {
    const outcome = when(planning(), configure([40, 20, 20, 20], { maxAge }));
    if (accepted) expect(expectAccepted(outcome).context.config.maxAge).toBe(maxAge);
    else {
      const violations = expectBroken(outcome, selectionConfiguration);
      expect(violations.map((v) => v.message)).toEqual(['maxAge must be a whole number of years']);
    }
  });

  it.each([
    [0, false],
    [1, true],
    [2, true],
  ])(
    'given a new selection, when maxPostsPerApplicant is %d, then accepted is %s',
    (maxPostsPerApplicant, accepted) => {
      const outcome = when(planning(), configure([40, 20, 20, 20], { maxPostsPerApplicant }));
      if (accepted) expectAccepted(outcome);
      else
        expect(expectBroken(outcome, selectionConfiguration).map((v) => v.message)).toEqual([
          'maxPostsPerApplicant must be a whole number of at least 1',
        ]);
    },
  );
});

describe('A-PANSEL: 5 to 9 members, an odd number, at most 45% internal', () => {
  const form = (size: number, internal: number) =>
    c(
      'FormPansel',
      { decree: PANSEL_DECREE, members: panselOf(size, internal) },
      wita('2024-05-13'),
    );

  it.each([
    [5, 2],
    [7, 3],
    [9, 4],
  ])(
    'given a prepared selection, when a Pansel of %i with %i internal is formed, then it is accepted',
    (size, internal) => {
      expectAccepted(when(preparing(), form(size, internal)));
    },
  );

  it.each([
    [3, 1, '3 members: the Pansel has 5 to 9 members'],
    [4, 1, '4 members: the Pansel must have an odd number'],
    [11, 4, '11 members: the Pansel has 5 to 9 members'],
    [9, 5, '5 of 9 members are internal, more than 45%'],
  ])(
    'given a prepared selection, when a Pansel of %i with %i internal is formed, then A-PANSEL says "%s"',
    (size, internal, message) => {
      expectBroken(when(preparing(), form(size, internal)), panselComposition, message);
    },
  );
});

describe('A-WINDOW: at least 15 calendar days, opening no earlier than the announcement', () => {
  const ready = () => after(preparing(), ...scenario.phases.registration.slice(0, 3));
  const announce = (opens: string, closes: string) =>
    c(
      'PublishAnnouncement',
      { announcement: ANNOUNCEMENT, registrationOpensOn: opens, registrationClosesOn: closes },
      wita('2024-05-15', '08:00:00'),
    );

  it.each([
    ['2024-05-15', '2024-05-29'],
    ['2024-05-16', '2024-05-30'],
  ])(
    'given a ready selection, when registration runs %s..%s, then it is accepted',
    (opens, closes) => {
      expectAccepted(when(ready(), announce(opens, closes)));
    },
  );

  it('given a ready selection, when registration opens the day before the announcement, then A-WINDOW is broken', () => {
    expectBroken(
      when(ready(), announce('2024-05-14', '2024-05-29')),
      registrationWindow,
      'registration cannot open (2024-05-14) before it is announced',
    );
  });

  it('given a ready selection, when registration lasts 14 calendar days, then A-WINDOW is broken', () => {
    expectBroken(
      when(ready(), announce('2024-05-15', '2024-05-28')),
      registrationWindow,
      'registration 2024-05-15..2024-05-28 lasts 14 calendar days, fewer than 15',
    );
  });

  it('given a vacancy cancelled during registration, when someone applies for it inside the window, then A-WINDOW is broken', () => {
    const cancelled = after(
      scenario.eventsTo('registration'),
      c('CancelVacancy', { vacancyId: 'v1', reason: 'dihapus dari formasi' }, wita('2024-05-16')),
    );
    const apply = c(
      'SubmitApplication',
      {
        applicationId: 'x1',
        vacancyId: 'v1',
        applicant: { nip: nipOf(77), name: 'X' },
        profile: aProfile(),
      },
      wita('2024-05-17'),
    );
    expect(checkedBy(registrationWindow, cancelled, apply)).toEqual([
      {
        rule: 'A-WINDOW',
        citation: registrationWindow.citation,
        message: 'registration for v1 is not open at 2024-05-17T09:00:00+08:00',
      },
    ]);
    when(cancelled, apply).thenRejects('A-RECORD', 'A-WINDOW');
  });
});

describe('A-MIN: fewer than 4 applicants, extended 7 days at most twice, then continued with 3', () => {
  const extend = (vacancyIds: string[], date: string) =>
    c('ExtendRegistration', { vacancyIds, reason: 'kurang dari 4 pelamar' }, wita(date));
  const close = (date: string) => c('CloseRegistration', {}, wita(date, '23:59:59'), 'SYSTEM');
  const resolve = (vacancyId: string, decision: JptpInsufficientApplicantsDecision) =>
    c(
      'ResolveInsufficientApplicants',
      { vacancyId, decision, reason: 'tetap kurang' },
      wita('2024-06-17'),
    );
  const apply = (id: string) =>
    c(
      'SubmitApplication',
      {
        applicationId: id,
        vacancyId: 'v2',
        applicant: { nip: nipOf(70), name: 'Y' },
        profile: aProfile(),
      },
      wita('2024-06-03'),
    );
  /** v1 with 4 applicants, v2 with `v2` applicants, both extensions of v2 run. */
  const twiceExtended = (v2: number) =>
    after(
      jptpScenario({ applicants: [4, v2] }).eventsTo('registrationClosed'),
      extend(['v2'], '2024-05-30'),
      close('2024-06-06'),
      extend(['v2'], '2024-06-07'),
      close('2024-06-14'),
    );

  describe('given v2 reopened by an extension, before that extension closes', () => {
    const reopened = () =>
      after(
        jptpScenario({ applicants: [4, 3] }).eventsTo('registrationClosed'),
        extend(['v2'], '2024-05-30'),
      );

    it('when v2 still has 3 applicants, then another 7-day extension of v2 passes A-MIN', () => {
      expect(checkedBy(minimumApplicants, reopened(), extend(['v2'], '2024-06-01'))).toEqual([]);
    });

    it('when a 4th applicant has applied, then A-MIN refuses another extension of v2', () => {
      const four = after(reopened(), apply('y1'));
      expect(checkedBy(minimumApplicants, four, extend(['v2'], '2024-06-04'))).toEqual([
        {
          rule: 'A-MIN',
          citation: minimumApplicants.citation,
          message: 'v2 has 4 applicants, not fewer than 4',
        },
      ]);
    });
  });

  it.each([
    [2, 'CONTINUE_WITH_FEWER', 'continuing needs at least 3 applicants; v2 has 2'],
    [3, 'CONTINUE_WITH_FEWER', null],
    [2, 'CANCEL_VACANCY', null],
  ] as const)(
    'given v2 extended twice with %i applicants, when the PPK decides %s, then A-MIN says %s',
    (count, decision, message) => {
      const outcome = when(twiceExtended(count), resolve('v2', decision));
      if (message === null) expectAccepted(outcome);
      else
        expect(expectBroken(outcome, minimumApplicants)).toEqual([
          { rule: 'A-MIN', citation: minimumApplicants.citation, message },
        ]);
    },
  );

  it('given v1 with 4 applicants, when the PPK decides on it as short, then A-MIN refuses (2, 3 and 4: only fewer than 4 is short)', () => {
    expectBroken(
      when(twiceExtended(3), resolve('v1', 'CANCEL_VACANCY')),
      minimumApplicants,
      'v1 has 4 applicants, not fewer than 4',
    );
  });

  it('given an unknown vacancy, when it is extended or resolved, then A-MIN stays silent (A-RECORD reports it)', () => {
    expect(checkedBy(minimumApplicants, twiceExtended(3), resolve('v9', 'CANCEL_VACANCY'))).toEqual(
      [],
    );
    expect(checkedBy(minimumApplicants, twiceExtended(3), extend(['v9'], '2024-06-15'))).toEqual(
      [],
    );
    when(twiceExtended(3), resolve('v9', 'CANCEL_VACANCY')).thenRejects('A-RECORD');
  });

  it('given a cancelled vacancy, when it is extended or resolved, then A-MIN stays silent: it is finished', () => {
    const cancelled = after(
      jptpScenario({ applicants: [4, 3] }).eventsTo('registrationClosed'),
      c('CancelVacancy', { vacancyId: 'v1', reason: 'dihapus' }, wita('2024-05-30')),
      c('CancelVacancy', { vacancyId: 'v2', reason: 'dihapus' }, wita('2024-05-30')),
    );
    expect(checkedBy(minimumApplicants, cancelled, extend(['v1'], '2024-05-31'))).toEqual([]);
    expect(checkedBy(minimumApplicants, cancelled, resolve('v2', 'CANCEL_VACANCY'))).toEqual([]);
  });
});
