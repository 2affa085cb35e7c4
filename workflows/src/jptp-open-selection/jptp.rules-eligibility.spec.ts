import type { JptpApplicantProfile, JptpRankedName } from './jptp.events.js';
import { applicantEligibility, threeNames } from './jptp.rules.js';
import { aDocument, jptpCommand as c, wita } from './testing/jptp-builders.js';
import { after, expectAccepted, expectBroken, when } from './testing/jptp-expect.js';
import { applicationId, jptpScenario } from './testing/jptp-scenario.js';

describe('A-ELIG applicantEligibility', () => {
  // Applicant 1 of v1 carries the profile under test; registration closed on 2024-05-29.
  const admin = (profile: Partial<JptpApplicantProfile>, maxAge?: number) => {
    const scenario = jptpScenario({ profile: (v, j) => (v === 1 && j === 1 ? profile : {}) });
    if (maxAge === undefined) return scenario.eventsTo('administrativeSelection');
    // A selection configured with another maximum age (some announcements use 58).
    const weights = { assessment: 25, technical: 25, trackRecord: 25, interview: 25 };
    const [open, ...rest] = scenario.commandsTo('administrativeSelection');
    return after(
      [],
      open!,
      c(
        'ConfigureSelection',
        // Above 56 only with the President's approval (A-AGE).
        { weights, maxAge, ageLimitApproval: aDocument('PRESIDEN', 'B-1/M/2024', '2024-03-20') },
        wita('2024-04-01'),
      ),
      ...rest,
    );
  };
  const verify = (
    result: 'MS' | 'TMS',
    requirements: { requirement: string; met: boolean; reason?: string }[] = [],
  ) =>
    c(
      'VerifyApplication',
      { applicationId: 'a1-1', result, requirements },
      wita('2024-06-03'),
      'PANSEL',
    );

  it('accepts MS for an eligible applicant', () => {
    const { context } = expectAccepted(when(admin({}), verify('MS')));
    expect(context.applications[0]?.verification?.result).toBe('MS');
  });
  it('accepts MS at 56, the day before turning 57 (age on the closing date)', () => {
    expectAccepted(when(admin({ birthDate: '1967-05-30' }), verify('MS')));
  });
  it('rejects MS below S1/D-IV', () => {
    expectBroken(
      when(admin({ education: 'D-III' }), verify('MS')),
      applicantEligibility,
      'below S1/D-IV',
    );
  });
  it('rejects MS with fewer than 5 years of related experience', () => {
    expectBroken(
      when(admin({ relatedExperienceYears: 4 }), verify('MS')),
      applicantEligibility,
      'related experience',
    );
  });
  it('rejects MS with fewer than 2 years as Administrator or JF Ahli Madya', () => {
    expectBroken(
      when(admin({ managerialExperienceYears: 1 }), verify('MS')),
      applicantEligibility,
      'Ahli Madya',
    );
  });
  it('rejects MS at 57 on the closing date', () => {
    expectBroken(
      when(admin({ birthDate: '1967-05-29' }), verify('MS')),
      applicantEligibility,
      'aged 57 on 2024-05-29',
    );
  });
  it('accepts 57 when the selection allows 58', () => {
    expectAccepted(when(admin({ birthDate: '1967-05-01' }, 58), verify('MS')));
  });
  it('rejects MS without the integrity attestation', () => {
    expectBroken(
      when(admin({ integrityAttested: false }), verify('MS')),
      applicantEligibility,
      'integrity',
    );
  });
  it('rejects MS without the health attestation', () => {
    expectBroken(
      when(admin({ healthAttested: false }), verify('MS')),
      applicantEligibility,
      'health',
    );
  });
  it('accepts TMS with a reason for each requirement not met', () => {
    const tms = verify('TMS', [{ requirement: 'education', met: false, reason: 'ijazah D-III' }]);
    expectAccepted(when(admin({ education: 'D-III' }), tms));
  });
  it('rejects TMS that names no requirement not met', () => {
    expectBroken(
      when(admin({}), verify('TMS', [{ requirement: 'age', met: true }])),
      applicantEligibility,
      'at least one',
    );
  });
  it('rejects TMS on a requirement without a reason', () => {
    expectBroken(
      when(admin({}), verify('TMS', [{ requirement: 'health', met: false }])),
      applicantEligibility,
      'TMS on health',
    );
  });
  it("records the Sekretariat's proposal apart from the Pansel's decision", () => {
    const proposal = c(
      'VerifyApplication',
      { applicationId: 'a1-1', result: 'MS', requirements: [] },
      wita('2024-06-03'),
      'SEKRETARIAT',
    );
    const { context } = expectAccepted(when(admin({}), proposal));
    expect(context.applications[0]).toMatchObject({
      proposal: { result: 'MS' },
      verification: null,
    });
  });
});

describe('A-THREE threeNames', () => {
  const scenario = jptpScenario({ applicants: [5, 4] });
  const ranking = () => scenario.eventsTo('ranking');
  const names = (...js: number[]): JptpRankedName[] =>
    js.map((j, i) => ({ applicationId: applicationId(1, j), rank: i + 1 }));
  const propose = (list: JptpRankedName[], reason?: string) =>
    c(
      'ProposeThreeNames',
      { vacancyId: 'v1', names: list, ...(reason ? { reason } : {}) },
      wita('2024-07-01'),
    );

  it('accepts the three best, ranked by final score', () => {
    const { context } = expectAccepted(when(ranking(), propose(names(1, 2, 3))));
    expect(context.vacancies[0]).toMatchObject({ subStatus: 'shortlisted', names: names(1, 2, 3) });
  });
  it('rejects four names', () => {
    expectBroken(when(ranking(), propose(names(1, 2, 3, 4))), threeNames, '4 names');
  });
  it('rejects two names without a reason', () => {
    expectBroken(
      when(ranking(), propose(names(1, 2))),
      threeNames,
      'fewer than 3 need a recorded reason',
    );
  });
  it('accepts two names with a recorded reason', () => {
    expectAccepted(
      when(ranking(), propose(names(1, 2), 'hanya dua yang memenuhi standar kompetensi')),
    );
  });
  it('fails the vacancy when no name can be proposed, with the reason', () => {
    const { context } = expectAccepted(
      when(ranking(), propose([], 'tidak ada yang memenuhi syarat')),
    );
    expect(context.vacancies[0]).toMatchObject({
      subStatus: 'failed',
      reason: 'tidak ada yang memenuhi syarat',
    });
  });
  it('rejects a name proposed twice', () => {
    const list = [...names(1, 2), { applicationId: applicationId(1, 1), rank: 3 }];
    expectBroken(when(ranking(), propose(list)), threeNames, 'twice');
  });
  it('rejects ranks that are not 1, 2, 3', () => {
    const list = names(1, 2, 3).map((n) => (n.rank === 3 ? { ...n, rank: 4 } : n));
    expectBroken(when(ranking(), propose(list)), threeNames, 'ranks');
  });
  it('rejects an applicant of another vacancy', () => {
    const list = [...names(1, 2), { applicationId: applicationId(2, 1), rank: 3 }];
    expectBroken(when(ranking(), propose(list)), threeNames, 'not an applicant of v1');
  });
  it('rejects a ranking against the final scores', () => {
    expectBroken(when(ranking(), propose(names(2, 1, 3))), threeNames, 'rank 2 scores higher');
  });
  it('rejects leaving out a higher score', () => {
    expectBroken(when(ranking(), propose(names(1, 2, 4))), threeNames, 'a1-3 scores higher');
  });
});
