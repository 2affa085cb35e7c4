import { addWorkingDays } from '../core/calendar.js';
import { acceptedEvents } from '../testing/decider-specification.js';
import type { JptpEvent } from './jptp.events.js';
import { jptpOpenSelection as procedure } from './jptp.procedure.js';
import {
  NTT_APPLICANTS_PER_POST,
  NTT_EXTENDED_POST,
  ntt2024Commands,
  NTT_DUKCAPIL_POST,
  NTT_SEKWAN_POST,
  nttVacancyId,
} from './testing/ntt-2024.case.js';
import { appointingAuthority } from './jptp.rules.js';
import { jptpCommand as c, wita } from './testing/jptp-builders.js';
import { NTT_2024 } from './testing/ntt-2024.facts.js';

// docs/domain.md §8: the 2024 NTT selection folds from planning to completed through the pure decider.

// Built before each test, not at import: Stryker's per-test coverage (docs/mutation-testing.md)
// then runs only the tests that reach a mutant instead of every test of every related spec.
let events: JptpEvent[];
let final: ReturnType<typeof procedure.fold>;
let context: ReturnType<typeof procedure.contextOf>;
beforeEach(() => {
  events = acceptedEvents(procedure, ntt2024Commands());
  final = procedure.fold(events);
  context = procedure.contextOf(final);
});

const stateAfter = (type: string, nth = 0) => {
  const index = events
    .map((e) => e.type)
    .reduce<number[]>((at, t, i) => (t === type ? [...at, i] : at), [])[nth];
  return procedure.fold(events.slice(0, (index ?? -1) + 1));
};

describe('the 2024 NTT reference case (docs/domain.md §8)', () => {
  it('folds from planning to completed with every command accepted', () => {
    expect(procedure.stateOf(stateAfter('SelectionOpened'))).toBe('planning');
    expect(procedure.stateOf(final)).toBe('completed');
    expect(context.title).toBe(NTT_2024.title);
  });

  it('holds the 15 posts of the seed, one of them akan lowong from 1 August 2024, all filled', () => {
    expect(context.vacancies.map((v) => v.title)).toEqual(NTT_2024.vacancies.map((v) => v.title));
    expect(context.vacancies.find((v) => v.vacancyId === nttVacancyId(7))).toMatchObject({
      status: 'AKAN_LOWONG',
      tmt: '2024-08-01',
    });
    expect(
      context.vacancies.every((v) => v.subStatus === 'filled' && v.inauguratedOn === '2025-05-19'),
    ).toBe(true);
  });

  it('announces on 15 May after Mendagri (6 May), KASN (8 May) and the Pansel (13 May)', () => {
    const announced = procedure.contextOf(stateAfter('AnnouncementPublished'));
    expect(announced.mendagriApprovals.map((a) => a.document.number)).toEqual([
      NTT_2024.documents.mendagriApproval.number,
    ]);
    expect(announced.supervisoryRecommendations[0]?.document.number).toBe(
      NTT_2024.documents.supervisoryRecommendation.number,
    );
    expect(announced.pansel?.decree.number).toBe(NTT_2024.documents.panselDecree.number);
    expect(announced.registration).toEqual({ opensOn: '2024-05-15', closesOn: '2024-05-29' });
    expect(procedure.summarize(stateAfter('AnnouncementPublished')).stages.registration).toEqual({
      actual: '2024-05-15',
    });
  });

  it('extends one post once and ends with at least 4 applicants for every post', () => {
    const extensions = events.filter((e) => e.type === 'RegistrationExtended');
    expect(extensions.map((e) => e.data)).toEqual([
      expect.objectContaining({ vacancyIds: [NTT_EXTENDED_POST], until: '2024-06-06' }),
    ]);
    for (const v of context.vacancies) {
      expect(
        context.applications.filter((a) => a.vacancyId === v.vacancyId).length,
      ).toBeGreaterThanOrEqual(NTT_APPLICANTS_PER_POST);
    }
    expect(context.vacancies.find((v) => v.vacancyId === NTT_EXTENDED_POST)?.extensions).toBe(1);
  });

  it('closes registration at 23:59:59 WITA through the SYSTEM deadline', () => {
    const open = stateAfter('AnnouncementPublished');
    expect(
      procedure.deadlines(open).find((d) => d.deadlineId === 'registration-end'),
    ).toMatchObject({
      dueAt: '2024-05-29T15:59:59.000Z',
      action: 'CloseRegistration',
    });
  });

  it('inaugurates on 19 May 2025 under the elected Governor, with Mendagri approval (Pasal 162(3))', () => {
    const inaugurations = events.filter((e) => e.type === 'InaugurationRecorded');
    expect(inaugurations).toHaveLength(15);
    expect(inaugurations.every((e) => e.data.mendagriApprovalRequired)).toBe(true);
    expect(context.ppkStatuses.at(-1)).toMatchObject({ status: 'GUBERNUR', since: '2025-02-20' });
    expect(
      context.vacancies
        .filter((v) => v.vacancyId !== NTT_DUKCAPIL_POST)
        .every((v) => v.decree?.number === NTT_2024.documents.appointmentDecree.number),
    ).toBe(true);
  });

  it('appoints post 6 (Dukcapil) by a Mendagri decree on the Governor proposal and post 9 (Sekwan) after the DPRD leadership approved (A-AUTH)', () => {
    const decrees = events.filter((e) => e.type === 'AppointmentDecreeIssued');
    const of = (post: string) => decrees.find((e) => e.data.vacancyId === post)!.data;
    expect(context.vacancies.find((v) => v.vacancyId === NTT_DUKCAPIL_POST)?.postKind).toBe(
      'KADIS_DUKCAPIL',
    );
    expect(of(NTT_DUKCAPIL_POST).decree.issuer).toBe('MENDAGRI');
    expect(of(NTT_DUKCAPIL_POST).approvals?.map((a) => a.issuer)).toEqual(['GUBERNUR']);
    expect(context.vacancies.find((v) => v.vacancyId === NTT_SEKWAN_POST)?.postKind).toBe('SEKWAN');
    expect(of(NTT_SEKWAN_POST).decree.issuer).toBe('GUBERNUR');
    expect(of(NTT_SEKWAN_POST).approvals?.map((a) => a.issuer)).toEqual(['PIMPINAN DPRD']);
  });

  it('refuses a Governor-only decree for post 6 and a Sekwan decree without the DPRD approval', () => {
    const index = events.findIndex((e) => e.type === 'AppointmentDecreeIssued');
    const before = procedure.fold(events.slice(0, index));
    const decree = (vacancyId: string) =>
      c(
        'IssueAppointmentDecree',
        { vacancyId, decree: NTT_2024.documents.appointmentDecree },
        wita(NTT_2024.inauguration.date),
      );
    for (const post of [NTT_DUKCAPIL_POST, NTT_SEKWAN_POST]) {
      const decision = procedure.decide(decree(post), before);
      expect(decision.kind).toBe('RulesBroken');
      const violations = decision.kind === 'RulesBroken' ? decision.violations : [];
      expect(violations.length).toBeGreaterThan(0);
      for (const v of violations) {
        expect(v).toMatchObject({ rule: 'A-AUTH', citation: appointingAuthority.citation });
      }
    }
  });

  it('records the Pansel decision (24 June), KASN on the results (12 July) and the announcement (16 July 2024)', () => {
    const proposed = events.filter((e) => e.type === 'ThreeNamesProposed');
    expect(proposed.every((e) => e.data.decision?.number === '15/Pansel-JPT/VI/2024')).toBe(true);
    expect(proposed.every((e) => e.data.occurredAt.startsWith('2024-06-24'))).toBe(true);
    expect(
      context.supervisoryRecommendations.find((r) => r.purpose === 'RESULT')?.document,
    ).toMatchObject({ issuer: 'KASN', number: 'R-2225/JP.00.00/07/2024', date: '2024-07-12' });
    const published = events.find((e) => e.type === 'FinalResultPublished');
    expect(published?.data.announcement.date).toBe('2024-07-16');
    expect(context.ppkStatuses.map((s) => [s.since, s.status])).toEqual([
      ['2023-09-05', 'PENJABAT'],
      ['2024-09-06', 'PENJABAT'],
      ['2025-02-20', 'GUBERNUR'],
    ]);
  });

  it('owes the report to Mendagri within 7 working days, and completes once it is made', () => {
    // Tue 20 .. Wed 28 May 2025: seven working days (29 May is a holiday, 30 May cuti bersama).
    const due = '2025-05-28';
    expect(addWorkingDays('2025-05-19', 7)).toBe(due);
    const beforeReport = stateAfter('InaugurationRecorded', 14);
    expect(procedure.stateOf(beforeReport)).toBe('inauguration');
    expect(
      procedure.deadlines(beforeReport).filter((d) => d.deadlineId.startsWith('mendagri-report-')),
    ).toHaveLength(15);
    expect(procedure.contextOf(beforeReport).vacancies[0]?.mendagriReportDueOn).toBe(due);
    expect(procedure.deadlines(beforeReport)[0]).toMatchObject({
      dueAt: '2025-05-28T15:59:59.000Z',
      recipients: ['SEKRETARIAT'],
    });
    expect(context.vacancies.every((v) => v.reportedToMendagri)).toBe(true);
    expect(procedure.deadlines(final)).toEqual([]);
  });

  it('folds the same events to the same state twice', () => {
    expect(procedure.persist(procedure.fold(events))).toEqual(procedure.persist(final));
  });
});
