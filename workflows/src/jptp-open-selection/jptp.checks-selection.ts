import {
  findApplication,
  findVacancy,
  finalScore,
  isTerminal,
  remainingApplicantsOf,
  stillInSelection,
  type JptpApplication,
  type JptpContext,
  type JptpVacancyState,
} from './jptp.context.js';
import { eligibilityOf } from './jptp.eligibility.js';
import type { JptpEvent, JptpRankedName } from './jptp.events.js';
import {
  actionDate,
  approvalOnOrBefore,
  isBlank,
  mendagriGateOn,
  type JptpRuleInput,
} from './jptp.rule-support.js';

// The checks of the rules from the administrative selection to the inauguration (docs/domain.md §3).

type Check = (input: JptpRuleInput) => string[];

const openVacancy = (context: JptpContext, vacancyId: string) => {
  const vacancy = findVacancy(context, vacancyId);
  return vacancy && !isTerminal(vacancy) ? vacancy : undefined;
};

export const checkEligibility: Check = ({ context, event }) => {
  if (event.type !== 'ApplicationVerified') return [];
  const application = findApplication(context, event.data.applicationId);
  if (!application || !stillInSelection(context, application)) return [];
  if (event.data.result === 'MS') {
    const asOf = context.registration?.closesOn ?? actionDate(event);
    return eligibilityOf(application.profile, asOf, context.config.maxAge)
      .filter((check) => !check.met)
      .map((check) => `MS although ${check.reason ?? check.requirement}`);
  }
  const unmet = event.data.requirements.filter((r) => !r.met);
  return [
    ...(unmet.length === 0 ? ['TMS needs at least one requirement that is not met'] : []),
    ...unmet.filter((r) => isBlank(r.reason)).map((r) => `TMS on ${r.requirement} needs a reason`),
  ];
};

function rankingMessages(
  context: JptpContext,
  vacancyId: string,
  names: JptpRankedName[],
): string[] {
  const byRank = [...names].sort((a, b) => a.rank - b.rank);
  const scoreOf = (id: string) => {
    const application = findApplication(context, id);
    return application ? finalScore(context, application) : 0;
  };
  const messages: string[] = [];
  byRank.slice(1).forEach((name, i) => {
    const previous = byRank[i];
    if (previous && scoreOf(name.applicationId) > scoreOf(previous.applicationId)) {
      messages.push(`rank ${name.rank} scores higher than rank ${previous.rank}`);
    }
  });
  const listed = new Set(names.map((n) => n.applicationId));
  const lowest = Math.min(...names.map((n) => scoreOf(n.applicationId)));
  // Only applicants who meet the competency standard can be forced into the names by the ranking.
  for (const other of remainingApplicantsOf(context, vacancyId).filter(meetsCompetencyStandard)) {
    if (!listed.has(other.applicationId) && finalScore(context, other) > lowest) {
      messages.push(`${other.applicationId} scores higher than a proposed name`);
    }
  }
  return messages;
}

/**
 * The competency standard of the post (PP 11/2017 jo PP 17/2020 Pasal 107 ayat (1) huruf c): an
 * applicant the assessment found *kurang memenuhi syarat* (KMS) does not meet it.
 */
export const meetsCompetencyStandard = (application: JptpApplication): boolean =>
  application.assessment?.category !== 'KMS';

export const checkThreeNames: Check = ({ context, event }) => {
  if (event.type !== 'ThreeNamesProposed') return [];
  const { vacancyId, names, reason } = event.data;
  if (!openVacancy(context, vacancyId)) return [];
  const ids = names.map((n) => n.applicationId);
  const ranks = names.map((n) => n.rank).sort((a, b) => a - b);
  const strangers = ids.filter((id) => {
    const application = findApplication(context, id);
    return (
      !application || application.vacancyId !== vacancyId || !stillInSelection(context, application)
    );
  });
  const messages = [
    ...(names.length > 3 ? [`${names.length} names: exactly 3 per vacancy`] : []),
    ...(names.length < 3 && isBlank(reason)
      ? [`${names.length} names: fewer than 3 need a recorded reason`]
      : []),
    ...(new Set(ids).size !== ids.length ? ['a name is proposed twice'] : []),
    ...(ranks.some((rank, i) => rank !== i + 1) ? ['ranks must be 1, 2, 3 in order'] : []),
    ...strangers.map((id) => `${id} is not an applicant of ${vacancyId} still in the selection`),
    ...ids
      .map((id) => findApplication(context, id))
      .filter((a): a is JptpApplication => a !== undefined && !meetsCompetencyStandard(a))
      .map((a) => `${a.applicationId} was assessed KMS, below the competency standard of the post`),
  ];
  if (messages.length > 0 || names.length === 0) return messages;
  return rankingMessages(context, vacancyId, names);
};

export const checkChoice: Check = ({ context, event }) => {
  if (event.type !== 'CandidateChosen') return [];
  const vacancy = openVacancy(context, event.data.vacancyId);
  const application = findApplication(context, event.data.applicationId);
  if (!vacancy || !application) return [];
  const takenElsewhere = context.vacancies.some((v) => {
    const chosen = v.chosenApplicationId
      ? findApplication(context, v.chosenApplicationId)
      : undefined;
    return (
      v.vacancyId !== vacancy.vacancyId &&
      v.subStatus !== 'cancelled' &&
      chosen?.applicant.nip === application.applicant.nip
    );
  });
  return [
    ...(context.submittedToPpk ? [] : ["the Pansel's results have not been submitted to the PPK"]),
    ...(vacancy.subStatus === 'chosen'
      ? [`a candidate was already chosen for ${vacancy.vacancyId}`]
      : []),
    ...(vacancy.names.some((n) => n.applicationId === application.applicationId)
      ? []
      : [`${application.applicationId} is not one of the names proposed for ${vacancy.vacancyId}`]),
    ...(takenElsewhere
      ? [`${application.applicant.nip} was already chosen for another vacancy`]
      : []),
  ];
};

/** The approval must name the selection, the post or the appointee (docs/domain.md §5). */
function approvalMessages(
  context: JptpContext,
  date: string,
  what: string,
  vacancy: JptpVacancyState,
): string[] {
  const gate = mendagriGateOn(context, date);
  const nip = vacancy.chosenApplicationId
    ? findApplication(context, vacancy.chosenApplicationId)?.applicant.nip
    : undefined;
  const act = { vacancyId: vacancy.vacancyId, ...(nip ? { nip } : {}) };
  if (!gate.required || approvalOnOrBefore(context, 'APPOINTMENT', date, act)) return [];
  const why = gate.reasons.map((r) => `${r.basis} (${r.citation})`).join('; ');
  return [
    `${what} on ${date} needs a Mendagri approval dated no later that names this selection, ${vacancy.vacancyId} or its appointee: ${why}`,
  ];
}

function inaugurationChecks(context: JptpContext, event: JptpEvent): string[] {
  if (event.type === 'AppointmentDecreeIssued') {
    const vacancy = openVacancy(context, event.data.vacancyId);
    if (!vacancy) return [];
    return [
      ...(vacancy.subStatus === 'chosen'
        ? []
        : [`no candidate has been chosen for ${vacancy.vacancyId}`]),
      ...(vacancy.decree ? [`a decree was already issued for ${vacancy.vacancyId}`] : []),
      ...approvalMessages(context, event.data.decree.date, 'a decree', vacancy),
    ];
  }
  if (event.type === 'InaugurationRecorded') {
    const vacancy = openVacancy(context, event.data.vacancyId);
    if (!vacancy) return [];
    const date = actionDate(event);
    if (!vacancy.decree) return [`no appointment decree for ${vacancy.vacancyId}`];
    return [
      ...(date < vacancy.decree.date
        ? [`inauguration on ${date} precedes the decree of ${vacancy.decree.date}`]
        : []),
      ...approvalMessages(context, date, 'an inauguration', vacancy),
    ];
  }
  if (event.type !== 'ReportedToMendagri') return [];
  const date = actionDate(event);
  const owed = context.vacancies.filter(
    (v) =>
      v.mendagriReportDueOn && !v.reportedToMendagri && v.inauguratedOn && v.inauguratedOn <= date,
  );
  return owed.length > 0 ? [] : ['no inauguration that needed a Mendagri approval awaits a report'];
}

export const checkInauguration: Check = ({ context, event }) => inaugurationChecks(context, event);
