import { dateOfAct, RECORDING_CITATION, type ActOrderRule } from '../core/effective-time.js';
import type { JptpContext } from './jptp.context.js';
import type { JptpEvent } from './jptp.events.js';

// (An inauguration after its decree is A-INAUG's, not repeated here.)
// Which acts of procedure A may not be dated before which (issue 13): one rule per dependent
// act, each naming the acts it rests on. Acts of a stage that rest on nothing of each other are
// free in their order.

type Order = ActOrderRule<JptpContext, JptpEvent>;

const earliest = (dates: readonly (string | null | undefined)[]): string | null =>
  dates.filter((d): d is string => typeof d === 'string').sort()[0] ?? null;

const vacancyOf = (context: JptpContext, event: JptpEvent) => {
  const id = (event.data as { vacancyId?: unknown }).vacancyId;
  return context.vacancies.find((v) => v.vacancyId === id);
};

/** A-ORDER-ANNOUNCE: the announcement rests on the approval, the recommendation and the Pansel. */
export const announcementAfterItsApprovals: Order = {
  id: 'A-ORDER-ANNOUNCE',
  citation: `${RECORDING_CITATION}; PP 49/2008 Pasal 132A; PermenPAN-RB 15/2019 (rekomendasi KASN, Pansel)`,
  act: 'pengumuman seleksi',
  events: ['AnnouncementPublished'],
  dependsOn: (context) => [
    {
      act: 'persetujuan Mendagri',
      date: earliest(
        context.mendagriApprovals
          .filter((a) => a.purpose === 'SELECTION')
          .map((a) => a.document.date),
      ),
    },
    {
      act: 'rekomendasi rencana seleksi',
      date: earliest(
        context.supervisoryRecommendations
          .filter((r) => r.purpose === 'PLAN')
          .map((r) => r.document.date),
      ),
    },
    { act: 'keputusan pembentukan Pansel', date: context.pansel?.decree.date ?? null },
  ],
};

/** A-ORDER-CHOICE: the PPK chooses from the names once they were submitted to the PPK. */
export const choiceAfterSubmission: Order = {
  id: 'A-ORDER-CHOICE',
  citation: `${RECORDING_CITATION}; UU 5/2014 Pasal 115 ayat (4)`,
  act: 'pemilihan calon oleh PPK',
  events: ['CandidateChosen'],
  dependsOn: (context) => [
    {
      act: 'penyampaian tiga nama kepada PPK',
      date: dateOfAct(context.stages.awaitingPpk?.actual),
    },
  ],
};

/** A-ORDER-DECREE: a decree executes the choice of its vacancy. */
export const decreeAfterChoice: Order = {
  id: 'A-ORDER-DECREE',
  citation: `${RECORDING_CITATION}; UU 5/2014 Pasal 115 ayat (4)`,
  act: 'keputusan pengangkatan',
  events: ['AppointmentDecreeIssued'],
  dependsOn: (context, event) => [
    { act: 'pemilihan calon', date: dateOfAct(vacancyOf(context, event)?.chosenOn) },
  ],
};

/** A-ORDER-REPORT: the report to Mendagri reports inaugurations already held. */
export const reportAfterInauguration: Order = {
  id: 'A-ORDER-REPORT',
  citation: `${RECORDING_CITATION}; Permendagri 4/2023 Pasal 15`,
  act: 'laporan kepada Mendagri',
  events: ['ReportedToMendagri'],
  dependsOn: (context) =>
    context.vacancies
      .filter((v) => v.mendagriReportDueOn !== null && !v.reportedToMendagri)
      .map((v) => ({ act: `pelantikan ${v.title}`, date: v.inauguratedOn })),
};

export const JPTP_ACT_ORDER: readonly Order[] = [
  announcementAfterItsApprovals,
  choiceAfterSubmission,
  decreeAfterChoice,
  reportAfterInauguration,
];
