import type { PostKind } from '../core/reference/appointing-authority.js';
import type { JptpCommand } from './jptp.commands.js';
import type { JptpApprovalCoverage } from './jptp.events.js';
import {
  ageLimit,
  announcementGate,
  appointingAuthority,
  choiceReason,
  inaugurationApproval,
  postRequirements,
  resultReview,
  threeNames,
} from './jptp.rules.js';
import { MENDAGRI_2024, aDocument, jptpCommand as c, wita } from './testing/jptp-builders.js';
import { jptpOpenSelection } from './jptp.procedure.js';
import { after, expectAccepted, expectBroken, when } from './testing/jptp-expect.js';
import { applicationId, jptpScenario } from './testing/jptp-scenario.js';

// The rules the review against the regulations added or corrected (issue 14), each with its
// allowed case and every way to break it, boundaries included (the day before, of and after).

describe('A-AGE ageLimit', () => {
  const planning = () => jptpScenario().eventsTo('planning');
  const weights = { assessment: 25, technical: 25, trackRecord: 25, interview: 25 };
  const configure = (maxAge: number, approvalIssuer?: string, approvalDate = '2024-03-31') =>
    c(
      'ConfigureSelection',
      {
        weights,
        maxAge,
        ...(approvalIssuer
          ? { ageLimitApproval: aDocument(approvalIssuer, 'B-7/M/2024', approvalDate) }
          : {}),
      },
      wita('2024-04-01'),
    );

  it('accepts the limit of 56, or a lower one, without any approval', () => {
    expectAccepted(when(planning(), configure(56)));
    expectAccepted(when(planning(), configure(55)));
  });
  it("accepts 57 or 58 with the President's approval dated before or on the day", () => {
    expectAccepted(when(planning(), configure(58, 'PRESIDEN')));
    expectAccepted(when(planning(), configure(57, 'Presiden Republik Indonesia', '2024-04-01')));
  });
  it("rejects 57 without the President's approval", () => {
    expectBroken(when(planning(), configure(57)), ageLimit, "needs the President's approval");
  });
  it('rejects an approval from anyone but the President', () => {
    expectBroken(when(planning(), configure(58, 'MENPANRB')), ageLimit, 'is not the President');
  });
  it('rejects an approval dated the day after the configuration', () => {
    expectBroken(
      when(planning(), configure(58, 'PRESIDEN', '2024-04-02')),
      ageLimit,
      'dated 2024-04-02, after 2024-04-01',
    );
  });
});

describe('A-THREE threeNames and the competency standard', () => {
  // v1's applicant 1 (the best score) was assessed KMS: below the post's competency standard.
  const commands = jptpScenario({ applicants: [5, 4] })
    .commandsTo('ranking')
    .map((command): JptpCommand =>
      command.type === 'RecordAssessmentResult' && command.data.applicationId === 'a1-1'
        ? { ...command, data: { ...command.data, category: 'KMS' } }
        : command,
    );
  const ranking = () => after([], ...commands);
  const propose = (...js: number[]) =>
    c(
      'ProposeThreeNames',
      {
        vacancyId: 'v1',
        names: js.map((j, i) => ({ applicationId: applicationId(1, j), rank: i + 1 })),
      },
      wita('2024-07-01'),
    );

  it('accepts the three best who meet the standard, leaving out the higher-scored KMS one', () => {
    expectAccepted(when(ranking(), propose(2, 3, 4)));
  });
  it('rejects a KMS applicant among the three names', () => {
    expectBroken(when(ranking(), propose(1, 2, 3)), threeNames, 'a1-1 was assessed KMS');
  });
});

describe('A-REVIEW resultReview', () => {
  const scenario = jptpScenario();
  const [submit, review] = scenario.phases.inauguration;
  const awaiting = () => after(scenario.eventsTo('awaitingPpk'), submit!);
  const recommendation = (issuer: string, date: string, on = date) =>
    c(
      'RecordSupervisoryRecommendation',
      { document: aDocument(issuer, 'R-9/JP.00.00/07/2024', date), purpose: 'RESULT' },
      wita(on, '08:00:00'),
    );
  const KASN_PERIOD = resultReview.citations![0]!.text;
  const BKN_PERIOD = resultReview.citations![1]!.text;
  const choose = (date = '2024-07-08') =>
    c('ChooseCandidate', { vacancyId: 'v1', applicationId: 'a1-1' }, wita(date));

  it("accepts the PPK's choice after KASN reviewed the results", () => {
    expectAccepted(when(after(awaiting(), review!), choose()));
  });
  it('accepts a review dated the very day of the choice', () => {
    expectAccepted(when(after(awaiting(), recommendation('KASN', '2024-07-08')), choose()));
  });
  it('rejects a choice with no review of the results, citing the KASN period before the cut-over', () => {
    const [violation] = expectBroken(
      when(awaiting(), choose()),
      resultReview,
      'no supervisory recommendation',
    );
    expect(violation?.citation).toBe(KASN_PERIOD);
  });
  it('after the cut-over, asks BKN for the review and cites the BKN period', () => {
    const [violation] = expectBroken(
      when(awaiting(), choose('2024-08-05')),
      resultReview,
      'no supervisory recommendation',
    );
    expect(violation?.citation).toBe(BKN_PERIOD);
    const reviewed = after(awaiting(), recommendation('BKN', '2024-08-02'));
    expectAccepted(when(reviewed, choose('2024-08-05')));
  });
  it('rejects a review dated the day after the choice', () => {
    const later = jptpOpenSelection.fold(after(awaiting(), recommendation('KASN', '2024-07-09')));
    const event = {
      type: 'CandidateChosen' as const,
      data: { vacancyId: 'v1', applicationId: 'a1-1', occurredAt: wita('2024-07-08') },
    };
    expect(resultReview.check({ context: jptpOpenSelection.contextOf(later), event })).toEqual([
      {
        rule: 'A-REVIEW',
        citation: KASN_PERIOD,
        message: expect.stringContaining('bertanggal paling lambat 2024-07-08'),
        messageKey: 'A-REVIEW.missing',
        params: { date: '2024-07-08' },
      },
    ]);
  });
  it('rejects a plan recommendation standing in for a review of the results', () => {
    // The scenario's only KASN letter before the choice is the plan's (8 May).
    expectBroken(when(awaiting(), choose()), resultReview, 'on the results');
  });
});

describe('A-AUTH appointingAuthority', () => {
  /** The scenario to the inauguration stage with v1 of `postKind` and the Mendagri approval. */
  const withKind = (postKind: PostKind) => {
    const scenario = jptpScenario();
    const commands = scenario
      .commandsTo('inauguration')
      .map((command): JptpCommand =>
        command.type === 'RegisterVacancy' && command.data.vacancyId === 'v1'
          ? { ...command, data: { ...command.data, postKind } }
          : command,
      );
    return after([], ...commands, scenario.phases.completed[0]!);
  };
  const decree = (issuer: string, approvals: [string, string][] = []) =>
    c(
      'IssueAppointmentDecree',
      {
        vacancyId: 'v1',
        decree: aDocument(issuer, '821.2/1', '2024-07-11'),
        ...(approvals.length > 0
          ? { approvals: approvals.map(([by, date]) => aDocument(by, 'SURAT/1', date)) }
          : {}),
      },
      wita('2024-07-11'),
    );

  it('accepts the Governor decree for an ordinary post', () => {
    expectAccepted(when(withKind('JPT_PRATAMA'), decree('GUBERNUR')));
  });
  it('accepts a Mendagri decree for Dukcapil on the Governor proposal of the day before or of the day', () => {
    expectAccepted(
      when(withKind('KADIS_DUKCAPIL'), decree('MENDAGRI', [['GUBERNUR', '2024-07-10']])),
    );
    expectAccepted(
      when(withKind('KADIS_DUKCAPIL'), decree('MENDAGRI', [['GUBERNUR', '2024-07-11']])),
    );
  });
  it('rejects a Governor decree alone for Dukcapil', () => {
    expectBroken(
      when(withKind('KADIS_DUKCAPIL'), decree('GUBERNUR', [['GUBERNUR', '2024-07-10']])),
      appointingAuthority,
      'appointed by Menteri Dalam Negeri',
    );
  });
  it('rejects a Mendagri decree for Dukcapil without the proposal, or with one dated the day after', () => {
    expectBroken(
      when(withKind('KADIS_DUKCAPIL'), decree('MENDAGRI')),
      appointingAuthority,
      'usulan Gubernur',
    );
    expectBroken(
      when(withKind('KADIS_DUKCAPIL'), decree('MENDAGRI', [['GUBERNUR', '2024-07-12']])),
      appointingAuthority,
      'usulan Gubernur',
    );
  });
  it('accepts a Governor decree for the Sekretaris DPRD after the DPRD leadership approved', () => {
    expectAccepted(when(withKind('SEKWAN'), decree('GUBERNUR', [['PIMPINAN DPRD', '2024-07-11']])));
  });
  it('rejects a Sekretaris DPRD decree without that approval, or with one dated the day after', () => {
    expectBroken(
      when(withKind('SEKWAN'), decree('GUBERNUR')),
      appointingAuthority,
      'persetujuan pimpinan DPRD',
    );
    expectBroken(
      when(withKind('SEKWAN'), decree('GUBERNUR', [['PIMPINAN DPRD', '2024-07-12']])),
      appointingAuthority,
      'persetujuan pimpinan DPRD',
    );
  });
  it('rejects a Sekretaris DPRD decree by Mendagri', () => {
    expectBroken(
      when(withKind('SEKWAN'), decree('MENDAGRI', [['PIMPINAN DPRD', '2024-07-10']])),
      appointingAuthority,
      'appointed by Gubernur',
    );
  });
});

describe('a Mendagri approval covers the act it names (A-GATE, A-INAUG)', () => {
  const scenario = jptpScenario();
  const phases = scenario.phases;
  const gateWith = (covers?: JptpApprovalCoverage) => {
    const [, ...rest] = phases.registration;
    const approval = c(
      'RecordMendagriApproval',
      { document: MENDAGRI_2024, purpose: 'SELECTION', ...(covers ? { covers } : {}) },
      wita('2024-05-07'),
    );
    const before = after(scenario.eventsTo('preparing'), approval, ...rest.slice(0, -1));
    return when(before, rest.at(-1)!);
  };

  it('accepts an approval naming this selection, or every one of its posts', () => {
    expectAccepted(gateWith({ selectionId: 'sel-1' }));
    expectAccepted(gateWith({ vacancyIds: ['v1', 'v2'] }));
  });
  it("rejects an approval about something else: another selection, one post of two, or nothing named (teachers' transfers)", () => {
    expectBroken(
      gateWith({ selectionId: 'mutasi-guru-2024' }),
      announcementGate,
      'names this selection',
    );
    expectBroken(gateWith({ vacancyIds: ['v1'] }), announcementGate, 'names this selection');
    expectBroken(gateWith(), announcementGate, 'names this selection');
  });

  const decreeAfter = (covers: JptpApprovalCoverage) => {
    const approval = c(
      'RecordMendagriApproval',
      {
        document: aDocument('MENDAGRI', '100.2.2.6/3001/SJ', '2024-07-09'),
        purpose: 'APPOINTMENT',
        covers,
      },
      wita('2024-07-10'),
    );
    return when(after(scenario.eventsTo('inauguration'), approval), phases.completed[1]!);
  };
  it('accepts an appointment approval naming the post, or its appointee', () => {
    expectAccepted(decreeAfter({ vacancyIds: ['v1'] }));
    const nip = jptpScenario()
      .eventsTo('inauguration')
      .find((e) => e.type === 'ApplicationSubmitted' && e.data.applicationId === 'a1-2');
    const appointee = nip?.type === 'ApplicationSubmitted' ? nip.data.applicant.nip : '';
    expectAccepted(decreeAfter({ nips: [appointee] }));
  });
  it('rejects an appointment approval naming another post or another person', () => {
    expectBroken(
      decreeAfter({ vacancyIds: ['v2'] }),
      inaugurationApproval,
      'names this selection, v1',
    );
    expectBroken(
      decreeAfter({ nips: ['197001012000031001'] }),
      inaugurationApproval,
      'v1 or its appointee',
    );
  });
});

describe('A-REASON choiceReason', () => {
  const scenario = jptpScenario();
  const submitted = () =>
    after(scenario.eventsTo('awaitingPpk'), ...scenario.phases.inauguration.slice(0, 2));
  const choose = (j: number, reason?: string) =>
    c(
      'ChooseCandidate',
      {
        vacancyId: 'v1',
        applicationId: applicationId(1, j),
        ...(reason === undefined ? {} : { reason }),
      },
      wita('2024-07-08'),
    );

  it('accepts the best-ranked name without a reason', () => {
    expectAccepted(when(submitted(), choose(1)));
  });
  it('accepts the second or third name with its reason, recorded on the event', () => {
    const outcome = when(submitted(), choose(3, 'pengalaman memimpin unit pelayanan publik'));
    const { context } = expectAccepted(outcome);
    expect(context.vacancies[0]?.chosenApplicationId).toBe('a1-3');
    expectAccepted(when(submitted(), choose(2, 'kebutuhan organisasi')));
  });
  it('rejects the second or third name without a reason, or with a blank one', () => {
    expectBroken(when(submitted(), choose(2)), choiceReason, 'ranked 2, not 1');
    expectBroken(when(submitted(), choose(3, '   ')), choiceReason, 'ranked 3, not 1');
  });
});

describe('A-POSTREQ postRequirements', () => {
  // v1 is the Kepala Satpol PP: its applicants must hold the PPNS qualification.
  const PPNS = { requirement: 'PPNS', citation: 'PP 16/2018 [UNVERIFIED]' };
  const admin = () =>
    after(
      [],
      ...jptpScenario()
        .commandsTo('administrativeSelection')
        .map((command): JptpCommand =>
          command.type === 'RegisterVacancy' && command.data.vacancyId === 'v1'
            ? { ...command, data: { ...command.data, requirements: [PPNS] } }
            : command,
        ),
    );
  const verify = (
    applicationId: string,
    requirements: { requirement: string; met: boolean; reason?: string }[],
  ) =>
    c(
      'VerifyApplication',
      { applicationId, result: 'MS', requirements },
      wita('2024-06-03'),
      'PANSEL',
    );

  it('accepts MS when the post requirement is shown met, and a post without one as before', () => {
    expectAccepted(when(admin(), verify('a1-1', [{ requirement: 'PPNS', met: true }])));
    expectAccepted(when(admin(), verify('a2-1', [])));
  });
  it('rejects MS when the requirement is missing from the verification, or shown not met', () => {
    expectBroken(when(admin(), verify('a1-1', [])), postRequirements, 'PPNS of v1 (PP 16/2018');
    expectBroken(
      when(admin(), verify('a1-1', [{ requirement: 'PPNS', met: false, reason: 'belum' }])),
      postRequirements,
      'is not shown met',
    );
  });
});
