import { issuerValidOn } from '../core/authority.js';
import { calendarDaysBetween, endOfDayWita, startOfDayWita } from '../core/calendar.js';
import { JPTP_LIMITS, applicantsOf, findVacancy, isTerminal } from './jptp.context.js';
import type { JptpEventOf, JptpEventType } from './jptp.events.js';
import {
  actionDate,
  approvalOnOrBefore,
  isBefore,
  isBlank,
  mendagriGateOn,
  registeringVacancies,
  type JptpRuleInput,
} from './jptp.rule-support.js';

// The checks of the rules from planning to the close of registration (docs/domain.md §3). Each returns
// the messages of what is broken and stays silent on events it does not govern, or when the
// command names something unknown (A-RECORD reports that once). jptp.rules.ts names them.

type Check = (input: JptpRuleInput) => string[];

/**
 * A check of one event type. EVENT_RULES (jptp.rules.ts) hands such a rule only events of that
 * type, so the check needs no `if (event.type !== ...) return []` of its own.
 */
const on =
  <T extends JptpEventType>(
    check: (input: { context: JptpRuleInput['context']; event: JptpEventOf<T> }) => string[],
  ): Check =>
  (input) =>
    check(input as { context: JptpRuleInput['context']; event: JptpEventOf<T> });

export const checkVacancy: Check = on<'VacancyRegistered'>(({ context, event }) => {
  const { vacancy } = event.data;
  const messages: string[] = [];
  if (vacancy.status !== 'LOWONG' && vacancy.status !== 'AKAN_LOWONG') {
    messages.push(`status ${String(vacancy.status)} is neither LOWONG nor AKAN_LOWONG`);
  }
  if (vacancy.status === 'AKAN_LOWONG' && isBlank(vacancy.tmt)) {
    messages.push('a vacancy that is AKAN_LOWONG needs its TMT date');
  }
  if (findVacancy(context, vacancy.vacancyId)) {
    messages.push(`vacancy ${vacancy.vacancyId} is already registered`);
  }
  return messages;
});

export const checkBasis: Check = on<'OpenSelectionBasisRecorded'>(({ event }) =>
  isBlank(event.data.reason) ? ['the reason why an open selection is used must be stated'] : [],
);

export const checkConfiguration: Check = on<'SelectionConfigured'>(({ event }) => {
  const { weights, maxPostsPerApplicant, maxAge } = event.data;
  const values = Object.values(weights);
  const sum = values.reduce((total, w) => total + w, 0);
  return [
    ...(values.some((w) => !Number.isFinite(w) || w < 0)
      ? ['a stage weight is not a number >= 0']
      : []),
    ...(Math.abs(sum - 100) > 1e-9 ? [`stage weights sum to ${sum}, not 100`] : []),
    ...(!Number.isInteger(maxPostsPerApplicant) || maxPostsPerApplicant < 1
      ? ['maxPostsPerApplicant must be a whole number of at least 1']
      : []),
    ...(!Number.isInteger(maxAge) || maxAge < 1 ? ['maxAge must be a whole number of years'] : []),
  ];
});

export const checkPansel: Check = on<'PanselFormed'>(({ event }) => {
  const n = event.data.members.length;
  const internal = event.data.members.filter((m) => m.internal).length;
  return [
    ...(n % 2 === 0 ? [`${n} members: the Pansel must have an odd number`] : []),
    ...(n < 5 || n > 9 ? [`${n} members: the Pansel has 5 to 9 members`] : []),
    ...(n > 0 && internal / n > 0.45
      ? [`${internal} of ${n} members are internal, more than 45%`]
      : []),
  ];
});

export const checkSupervisory: Check = on<'SupervisoryRecommendationRecorded'>(({ event }) => {
  const { issuer, date } = event.data.document;
  return issuerValidOn(issuer, date)
    ? []
    : [`${issuer} was not the supervisory authority on ${date}`];
});

export const checkGate: Check = on<'AnnouncementPublished'>(({ context, event }) => {
  const date = actionDate(event);
  const messages: string[] = [];
  const gate = mendagriGateOn(context, date);
  // The approval must name this selection, or every post it announces (docs/domain.md §5).
  const posts = registeringVacancies(context).map((v) => ({ vacancyId: v.vacancyId }));
  const covered =
    approvalOnOrBefore(context, 'SELECTION', date) !== undefined ||
    (posts.length > 0 &&
      posts.every((post) => approvalOnOrBefore(context, 'SELECTION', date, post) !== undefined));
  if (gate.required && !covered) {
    const why = gate.reasons.map((r) => `${r.basis} (${r.citation})`).join('; ');
    messages.push(
      `announcing on ${date} needs a Mendagri approval that names this selection or its posts: ${why}`,
    );
  }
  const recommended = context.supervisoryRecommendations.some(
    (r) => r.purpose === 'PLAN' && r.document.date <= date,
  );
  if (!recommended) messages.push('no supervisory recommendation of the selection plan');
  if (!context.pansel) messages.push('the Pansel has not been formed');
  return messages;
});

const announcedWindow: Check = ({ event }) => {
  if (event.type !== 'AnnouncementPublished') return [];
  const { registrationOpensOn: opens, registrationClosesOn: closes } = event.data;
  const days = calendarDaysBetween(opens, closes) + 1;
  return [
    ...(days < JPTP_LIMITS.registrationMinDays
      ? [
          `registration ${opens}..${closes} lasts ${days} calendar days, fewer than ${JPTP_LIMITS.registrationMinDays}`,
        ]
      : []),
    ...(opens < actionDate(event)
      ? [`registration cannot open (${opens}) before it is announced`]
      : []),
  ];
};

const applicationInWindow: Check = ({ context, event }) => {
  if (event.type !== 'ApplicationSubmitted') return [];
  const vacancy = findVacancy(context, event.data.vacancyId);
  if (!vacancy) return [];
  const at = event.data.occurredAt;
  const open =
    registeringVacancies(context).includes(vacancy) &&
    vacancy.registrationClosesOn !== null &&
    context.registration !== null &&
    !isBefore(at, startOfDayWita(context.registration.opensOn)) &&
    !isBefore(endOfDayWita(vacancy.registrationClosesOn), at);
  return open ? [] : [`registration for ${vacancy.vacancyId} is not open at ${at}`];
};

const closingAfterDeadline: Check = ({ context, event }) => {
  if (event.type !== 'RegistrationClosed') return [];
  return registeringVacancies(context)
    .filter((v) => v.registrationClosesOn !== null)
    .filter((v) => isBefore(event.data.occurredAt, endOfDayWita(v.registrationClosesOn ?? '')))
    .map(
      (v) => `registration for ${v.vacancyId} runs until ${v.registrationClosesOn} 23:59:59 WITA`,
    );
};

export const checkWindow: Check = (input) => [
  ...announcedWindow(input),
  ...applicationInWindow(input),
  ...closingAfterDeadline(input),
];

export const checkOnePost: Check = on<'ApplicationSubmitted'>(({ context, event }) => {
  const { nip } = event.data.applicant;
  const mine = context.applications.filter((a) => a.applicant.nip === nip && !a.withdrawn);
  const max = context.config.maxPostsPerApplicant;
  return [
    ...(mine.some((a) => a.vacancyId === event.data.vacancyId)
      ? [`${nip} has already applied for ${event.data.vacancyId}`]
      : []),
    ...(mine.length >= max
      ? [`${nip} has already applied for ${mine.length} of at most ${max} posts`]
      : []),
  ];
});

const { minimumApplicants, maxExtensions, extensionDays, minimumToContinue } = JPTP_LIMITS;

/** Why a vacancy is not short of applicants (so neither extension nor resolution applies). */
function notShort(context: JptpRuleInput['context'], vacancyId: string): string[] {
  const vacancy = findVacancy(context, vacancyId);
  if (!vacancy || isTerminal(vacancy)) return [];
  const count = applicantsOf(context, vacancyId).length;
  return vacancy.subStatus === 'active' || count >= minimumApplicants
    ? [`${vacancyId} has ${count} applicants, not fewer than ${minimumApplicants}`]
    : [];
}

const checkExtension: Check = ({ context, event }) => {
  if (event.type !== 'RegistrationExtended') return [];
  // Each extension runs at most 7 calendar days from the act that extends it, and ends after it.
  const days = calendarDaysBetween(actionDate(event), event.data.until);
  return [
    ...(days < 1 || days > extensionDays
      ? [`an extension runs 1 to ${extensionDays} calendar days, not ${days}`]
      : []),
    ...event.data.vacancyIds.flatMap((id) => {
      const reasons = notShort(context, id);
      if (reasons.length > 0) return reasons;
      const vacancy = findVacancy(context, id);
      return vacancy && vacancy.extensions >= maxExtensions
        ? [`${id} was already extended ${maxExtensions} times`]
        : [];
    }),
  ];
};

const checkResolution: Check = ({ context, event }) => {
  if (event.type !== 'InsufficientApplicantsResolved') return [];
  const vacancy = findVacancy(context, event.data.vacancyId);
  if (!vacancy || isTerminal(vacancy)) return [];
  const reasons = notShort(context, vacancy.vacancyId);
  if (reasons.length > 0) return reasons;
  const count = applicantsOf(context, vacancy.vacancyId).length;
  return [
    ...(vacancy.extensions < maxExtensions
      ? [
          `${vacancy.vacancyId} must first be extended (${vacancy.extensions} of ${maxExtensions} times)`,
        ]
      : []),
    ...(event.data.decision === 'CONTINUE_WITH_FEWER' && count < minimumToContinue
      ? [
          `continuing needs at least ${minimumToContinue} applicants; ${vacancy.vacancyId} has ${count}`,
        ]
      : []),
  ];
};

export const checkMinimum: Check = (input) => [...checkExtension(input), ...checkResolution(input)];
