import { actionDate } from './pergub113.context.js';
import { orderByDuk } from './pergub113.duk.js';
import { blockingResults, evaluateEligibility } from './pergub113.eligibility.js';
import type { Pergub113Event } from './pergub113.events.js';
import type { PergubContext, PergubVacancy } from './pergub113.types.js';

// How each event changes the context: pure functions the machine wraps in `assign`. The
// machine has already checked the event's rules (same functions as the decider).

type EventOf<T extends Pergub113Event['type']> = Extract<Pergub113Event, { type: T }>;
type Update<T extends Pergub113Event['type']> = (
  context: PergubContext,
  event: EventOf<T>,
) => Partial<PergubContext>;

const updateVacancy = (
  context: PergubContext,
  vacancyId: string,
  change: (vacancy: PergubVacancy) => Partial<PergubVacancy>,
) => context.vacancies.map((v) => (v.vacancyId === vacancyId ? { ...v, ...change(v) } : v));

export const openSelection: Update<'SelectionOpened'> = (_context, { data }) => ({
  selectionId: data.selectionId,
  title: data.title,
  pilkada: data.pilkada,
});

export const recordTpk: Update<'TPKFormed'> = (_context, { data }) => ({
  tpk: { decree: data.decree, members: data.members },
});

export const recordSekretariat: Update<'SekretariatTPKFormed'> = (_context, { data }) => ({
  sekretariat: { decree: data.decree, members: data.members },
});

export const recordVacancy: Update<'VacancyRecorded'> = (context, { data: { vacancy } }) => ({
  vacancies: [
    ...context.vacancies,
    {
      ...vacancy,
      subStatus: 'open',
      screened: [],
      eligibleList: [],
      candidates: [],
      shortlist: [],
      chosen: null,
      decree: null,
      inauguration: null,
      reportedToMendagri: null,
      cancelReason: null,
    },
  ],
});

/** Screens every profile against the post's Pasal as of the action's date; lists the fit by DUK. */
export const prepareEligibleList: Update<'EligibleListPrepared'> = (context, event) => {
  const { vacancyId, profiles } = event.data;
  const post = context.vacancies.find((v) => v.vacancyId === vacancyId)!;
  const asOf = actionDate(event);
  const screened = profiles.map((profile) => ({
    nip: profile.nip,
    eligible: blockingResults(evaluateEligibility({ profile, post, asOf })).length === 0,
  }));
  const fit = profiles.filter((_, i) => screened[i]!.eligible);
  return {
    profiles: { ...context.profiles, ...Object.fromEntries(profiles.map((p) => [p.nip, p])) },
    vacancies: updateVacancy(context, vacancyId, () => ({
      subStatus: 'listed',
      screened,
      eligibleList: orderByDuk(fit).map((p, i) => ({ nip: p.nip, name: p.name, dukRank: i + 1 })),
    })),
  };
};

export const setCandidates: Update<'CandidatesSet'> = (context, { data }) => ({
  vacancies: data.candidates.reduce(
    (vacancies, { vacancyId, nips }) =>
      updateVacancy({ ...context, vacancies }, vacancyId, () => ({
        subStatus: 'candidatesSet',
        candidates: [...new Set(nips)],
      })),
    context.vacancies,
  ),
});

export const recordMapping: Update<'MappingResultRecorded'> = (context, { data }) => ({
  mapping: { ...context.mapping, [data.nip]: data.result },
});

export const recordTrackRecord: Update<'TrackRecordRecorded'> = (context, { data }) => ({
  trackRecords: { ...context.trackRecords, [data.nip]: data.sources },
});

export const reportToPpk: Update<'ReportedToPPK'> = (context, { data }) => ({
  tpkReport: data.report,
  vacancies: data.shortlists.reduce(
    (vacancies, { vacancyId, nips }) =>
      updateVacancy({ ...context, vacancies }, vacancyId, () => ({
        subStatus: 'shortlisted',
        shortlist: nips,
      })),
    context.vacancies,
  ),
});

export const chooseCandidate: Update<'CandidateChosen'> = (context, { data }) => ({
  vacancies: updateVacancy(context, data.vacancyId, () => ({
    subStatus: 'chosen',
    chosen: data.nip,
    chosenOn: data.occurredAt,
  })),
});

export const recordApproval: Update<'MendagriApprovalRecorded'> = (context, { data }) => ({
  mendagriApprovals: [...context.mendagriApprovals, data.document],
});

export const issueDecree: Update<'AppointmentDecreeIssued'> = (context, { data }) => ({
  vacancies: updateVacancy(context, data.vacancyId, () => ({
    subStatus: 'decreed',
    decree: data.decree,
  })),
});

export const recordInauguration: Update<'InaugurationRecorded'> = (context, { data }) => ({
  vacancies: updateVacancy(context, data.vacancyId, () => ({
    subStatus: 'filled',
    inauguration: {
      date: data.date,
      approvalRequired: data.mendagriApprovalRequired,
      reportDueOn: data.reportDueOn ?? null,
    },
  })),
});

export const reportToMendagri: Update<'ReportedToMendagri'> = (context, { data }) => ({
  vacancies: context.vacancies.map((v) =>
    data.vacancyIds.includes(v.vacancyId) ? { ...v, reportedToMendagri: data.document } : v,
  ),
});

export const cancelVacancy: Update<'VacancyCancelled'> = (context, { data }) => ({
  vacancies: updateVacancy(context, data.vacancyId, () => ({
    subStatus: 'cancelled',
    cancelReason: data.reason,
  })),
});

export const cancelFilling: Update<'FillingCancelled'> = (_context, event) => ({
  cancellation: { reason: event.data.reason, on: actionDate(event) },
});

export const recordPpkStatus: Update<'PPKStatusRecorded'> = (context, { data }) => ({
  ppkStatus: [
    ...context.ppkStatus,
    {
      status: data.status,
      since: data.since,
      ...(data.name === undefined ? {} : { name: data.name }),
    },
  ],
});

export const setPlannedSchedule: Update<'PlannedScheduleSet'> = (context, { data }) => ({
  plannedSchedule: { ...context.plannedSchedule, ...data.dates },
});
