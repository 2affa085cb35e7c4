import { jptpOpenSelection } from './jptp.procedure.js';
import { choiceOfThree, inaugurationApproval } from './jptp.rules.js';
import { aDocument, jptpCommand as c, wita } from './testing/jptp-builders.js';
import { after, expectAccepted, expectBroken, when } from './testing/jptp-expect.js';
import { jptpScenario } from './testing/jptp-scenario.js';

describe('A-PICK choiceOfThree', () => {
  const scenario = jptpScenario({ vacancies: 2, applicants: 4 });
  const awaiting = () => scenario.eventsTo('awaitingPpk');
  // Submitted to the PPK, and KASN's recommendation on the results recorded (A-REVIEW).
  const submitted = () => after(awaiting(), ...scenario.phases.inauguration.slice(0, 2));
  // With a reason, as a choice other than the best-ranked needs (A-REASON, jptp.rules-law.spec.ts).
  const choose = (vacancyId: string, id: string) =>
    c(
      'ChooseCandidate',
      { vacancyId, applicationId: id, reason: 'kebutuhan organisasi' },
      wita('2024-07-08'),
    );

  it('accepts any of the three names, here the third', () => {
    const { context, state } = expectAccepted(when(submitted(), choose('v1', 'a1-3')));
    expect(state).toBe('awaitingPpk');
    expect(context.vacancies[0]).toMatchObject({
      subStatus: 'chosen',
      chosenApplicationId: 'a1-3',
    });
  });
  it('moves to the inauguration once every vacancy is chosen', () => {
    const oneChosen = after(submitted(), choose('v1', 'a1-1'));
    expect(expectAccepted(when(oneChosen, choose('v2', 'a2-2'))).state).toBe('inauguration');
  });
  it('rejects a choice before the results are submitted to the PPK', () => {
    const reviewed = after(awaiting(), scenario.phases.inauguration[1]!);
    expectBroken(when(reviewed, choose('v1', 'a1-1')), choiceOfThree, 'not been submitted');
  });
  it('rejects the fourth-ranked applicant', () => {
    expectBroken(when(submitted(), choose('v1', 'a1-4')), choiceOfThree, 'not one of the names');
  });
  it('rejects a second choice for the same vacancy', () => {
    expectBroken(
      when(after(submitted(), choose('v1', 'a1-1')), choose('v1', 'a1-2')),
      choiceOfThree,
      'already chosen',
    );
  });
  it('rejects a person already chosen for another vacancy', () => {
    const snapshot = jptpOpenSelection.fold(after(submitted(), choose('v1', 'a1-1')));
    const context = jptpOpenSelection.contextOf(snapshot);
    // The same person (one NIP) shortlisted for two posts, as maxPostsPerApplicant > 1 allows.
    const nip = context.applications[0]!.applicant.nip;
    const samePerson = {
      ...context,
      applications: context.applications.map((a) =>
        a.applicationId === 'a2-1' ? { ...a, applicant: { ...a.applicant, nip } } : a,
      ),
    };
    const event = {
      type: 'CandidateChosen' as const,
      data: { vacancyId: 'v2', applicationId: 'a2-1', occurredAt: wita('2024-07-08') },
    };
    const violations = choiceOfThree.check({ context: samePerson, event });
    expect(violations).toEqual([
      {
        rule: 'A-PICK',
        citation: choiceOfThree.citation,
        message: `${nip} was already chosen for another vacancy`,
      },
    ]);
  });
});

describe('A-INAUG inaugurationApproval', () => {
  const scenario = jptpScenario({ vacancies: 2 });
  const inauguration = () => scenario.eventsTo('inauguration');
  const approval = (date: string) =>
    c(
      'RecordMendagriApproval',
      {
        document: aDocument('MENDAGRI', '100.2.2.6/1/SJ', date),
        purpose: 'APPOINTMENT',
        covers: { selectionId: 'sel-1' },
      },
      wita(date),
    );
  const decree = (vacancyId: string, date: string) =>
    c(
      'IssueAppointmentDecree',
      { vacancyId, decree: aDocument('GUBERNUR', `821/${vacancyId}`, date) },
      wita(date),
    );
  const inaugurate = (vacancyId: string, date: string) =>
    c('RecordInauguration', { vacancyId }, wita(date));
  const decreed = () => after(inauguration(), approval('2024-07-09'), decree('v1', '2024-07-11'));

  it('accepts a decree after the Mendagri approval while the PPK is a Penjabat', () => {
    expect(
      expectAccepted(
        when(after(inauguration(), approval('2024-07-09')), decree('v1', '2024-07-11')),
      ).context.vacancies[0]?.decree,
    ).not.toBeNull();
  });
  it('rejects a decree without a Mendagri approval', () => {
    expectBroken(
      when(inauguration(), decree('v1', '2024-07-11')),
      inaugurationApproval,
      'needs a Mendagri approval',
    );
  });
  it('rejects a decree dated before the approval', () => {
    expectBroken(
      when(after(inauguration(), approval('2024-07-12')), decree('v1', '2024-07-11')),
      inaugurationApproval,
      'a decree on 2024-07-11',
    );
  });
  it('rejects a second decree for the same vacancy', () => {
    expectBroken(
      when(decreed(), decree('v1', '2024-07-12')),
      inaugurationApproval,
      'already issued',
    );
  });
  it('rejects a decree for a vacancy without a chosen candidate', () => {
    const inaugurating = jptpOpenSelection.contextOf(
      jptpOpenSelection.fold(after(inauguration(), approval('2024-07-09'))),
    );
    const shortlisted = {
      ...inaugurating,
      vacancies: inaugurating.vacancies.map((v) =>
        v.vacancyId === 'v1' ? { ...v, subStatus: 'shortlisted' as const } : v,
      ),
    };
    const event = {
      type: 'AppointmentDecreeIssued' as const,
      data: {
        vacancyId: 'v1',
        decree: aDocument('GUBERNUR', '821/v1', '2024-07-11'),
        occurredAt: wita('2024-07-11'),
      },
    };
    expect(inaugurationApproval.check({ context: shortlisted, event })).toEqual([
      {
        rule: 'A-INAUG',
        citation: inaugurationApproval.citation,
        message: 'no candidate has been chosen for v1',
      },
    ]);
  });
  it('accepts the inauguration and records the report due in 7 working days', () => {
    const { context } = expectAccepted(when(decreed(), inaugurate('v1', '2024-07-12')));
    expect(context.vacancies[0]).toMatchObject({
      subStatus: 'filled',
      inauguratedOn: '2024-07-12',
      mendagriReportDueOn: '2024-07-23',
    });
  });
  it('rejects an inauguration without a decree', () => {
    expectBroken(
      when(decreed(), inaugurate('v2', '2024-07-12')),
      inaugurationApproval,
      'no appointment decree',
    );
  });
  it('rejects an inauguration before the decree date', () => {
    expectBroken(
      when(decreed(), inaugurate('v1', '2024-07-10')),
      inaugurationApproval,
      'precedes the decree',
    );
  });
  it('rejects a report to Mendagri when none is owed', () => {
    const report = c(
      'ReportToMendagri',
      { document: aDocument('GUBERNUR', '800/L', '2024-07-12') },
      wita('2024-07-12'),
    );
    expectBroken(when(decreed(), report), inaugurationApproval, 'awaits a report');
  });
  it('needs no approval and owes no report under an elected Governor outside the windows', () => {
    const weights = { assessment: 25, technical: 25, trackRecord: 25, interview: 25 };
    const [open, ...rest] = jptpScenario({ vacancies: 2 }).commandsTo('inauguration');
    const quiet = after(
      [],
      open!,
      c('ConfigureSelection', { weights, pilkada: [] }, wita('2024-04-01')),
      ...rest,
      c('RecordPpkStatus', { status: 'GUBERNUR', since: '2024-07-01' }, wita('2024-07-09')),
    );
    const done = after(
      quiet,
      decree('v1', '2024-07-11'),
      decree('v2', '2024-07-11'),
      inaugurate('v1', '2024-07-12'),
    );
    const { state, context } = expectAccepted(when(done, inaugurate('v2', '2024-07-12')));
    expect(state).toBe('completed');
    expect(context.vacancies.map((v) => v.mendagriReportDueOn)).toEqual([null, null]);
  });
});
