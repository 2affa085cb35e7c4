import { dateOfAct, RECORDING_CITATION, type ActOrderRule } from '../core/effective-time.js';
import type { Pergub113Event } from './pergub113.events.js';
import type { PergubContext } from './pergub113.types.js';

// (An inauguration after its decree is B-INAUG's, not repeated here.)
// Which acts of a Pergub NTT 113/2023 round may not be dated before which (issue 13): one rule
// per dependent act. Acts of a stage that rest on nothing of each other are free in their order.

type Order = ActOrderRule<PergubContext, Pergub113Event>;

const vacancyOf = (context: PergubContext, event: Pergub113Event) => {
  const id = (event.data as { vacancyId?: unknown }).vacancyId;
  return context.vacancies.find((v) => v.vacancyId === id);
};

/** B-ORDER-CHOICE: the PPK chooses from the shortlist the TPK reported. */
export const choiceAfterReport: Order = {
  id: 'B-ORDER-CHOICE',
  citation: `${RECORDING_CITATION}; Pergub NTT 113/2023 Pasal 12 ayat (1)`,
  act: 'pemilihan calon oleh PPK',
  events: ['CandidateChosen'],
  dependsOn: (context) => [
    { act: 'laporan TPK kepada PPK', date: context.tpkReport?.date ?? null },
  ],
};

/** B-ORDER-DECREE: a decree executes the choice of its vacancy. */
export const decreeAfterChoice: Order = {
  id: 'B-ORDER-DECREE',
  citation: `${RECORDING_CITATION}; Pergub NTT 113/2023 Pasal 12 ayat (1)`,
  act: 'keputusan pengangkatan',
  events: ['AppointmentDecreeIssued'],
  dependsOn: (context, event) => [
    { act: 'pemilihan calon', date: dateOfAct(vacancyOf(context, event)?.chosenOn) },
  ],
};

/** B-ORDER-REPORT: the report to Mendagri reports inaugurations already held. */
export const reportAfterInauguration: Order = {
  id: 'B-ORDER-REPORT',
  citation: `${RECORDING_CITATION}; Permendagri 4/2023 Pasal 15`,
  act: 'laporan kepada Mendagri',
  events: ['ReportedToMendagri'],
  dependsOn: (context, event) => {
    const ids = (event.data as { vacancyIds?: string[] }).vacancyIds ?? [];
    return context.vacancies
      .filter((v) => ids.includes(v.vacancyId))
      .map((v) => ({ act: `pelantikan ${v.vacancyId}`, date: v.inauguration?.date ?? null }));
  },
};

export const PERGUB113_ACT_ORDER: readonly Order[] = [
  choiceAfterReport,
  decreeAfterChoice,
  reportAfterInauguration,
];
