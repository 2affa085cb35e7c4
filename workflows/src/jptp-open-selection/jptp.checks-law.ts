import { issuerValidOn } from '../core/authority.js';
import { ruleMessage } from '../core/messages.js';
import type { CheckMessage } from '../core/rule.js';
import { appointingAuthorityProblems, issuerIs } from '../core/reference/appointing-authority.js';
import { JPTP_LIMITS, findApplication, findVacancy } from './jptp.context.js';
import { actionDate, isBlank, type JptpRuleInput } from './jptp.rule-support.js';

// Checks added after the review of the rules against the regulations (issue 14): the age limit,
// the supervisory review of the results before the PPK's choice, and the appointing authority
// of the post. Each returns the messages of what is broken; jptp.rules.ts names them.

type Check = (input: JptpRuleInput) => CheckMessage[];

const PRESIDENT = ['PRESIDEN', 'PRESIDEN RI', 'PRESIDEN REPUBLIK INDONESIA', 'KEMENSETNEG'];

/**
 * A-AGE: JPT Pratama applicants are at most 56 (Pasal 107 ayat (1) huruf c angka 6); a selection
 * may set a higher limit only with the President's approval recorded as its document (ayat (2)),
 * dated no later than the configuration.
 */
export const checkAgeLimit: Check = ({ event }) => {
  if (event.type !== 'SelectionConfigured') return [];
  const { maxAge, ageLimitApproval } = event.data;
  const limit = JPTP_LIMITS.maxAgeWithoutApproval;
  // A limit that is not a whole number is A-CFG's to report.
  if (!Number.isInteger(maxAge) || maxAge <= limit) return [];
  if (!ageLimitApproval) {
    return [ruleMessage('A-AGE.approvalMissing', { maxAge, limit })];
  }
  const date = actionDate(event);
  return [
    ...(issuerIs(ageLimitApproval.issuer, PRESIDENT)
      ? []
      : [
          ruleMessage('A-AGE.notPresident', { issuer: ageLimitApproval.issuer, maxAge }),
        ]),
    ...(ageLimitApproval.date <= date
      ? []
      : [ruleMessage('A-AGE.approvalLate', { approvalDate: ageLimitApproval.date, date })]),
  ];
};

/**
 * A-REVIEW: the PPK chooses only after the supervisory authority of the day reviewed the results:
 * KASN before the cut-over, BKN after it (a RESULT recommendation dated no later than the choice,
 * from an issuer that was the authority on its own date).
 */
export const checkResultReview: Check = ({ context, event }) => {
  if (event.type !== 'CandidateChosen') return [];
  const date = actionDate(event);
  const reviewed = context.supervisoryRecommendations.some(
    (r) =>
      r.purpose === 'RESULT' &&
      r.document.date <= date &&
      issuerValidOn(r.document.issuer, r.document.date),
  );
  return reviewed
    ? []
    : [ruleMessage('A-REVIEW.missing', { date })];
};

/**
 * A-REASON: the PPK may choose any of the three names; a choice other than the best-ranked one
 * is recorded with its reason, so the record shows why (docs/domain.md §7).
 */
export const checkChoiceReason: Check = ({ context, event }) => {
  if (event.type !== 'CandidateChosen') return [];
  const vacancy = findVacancy(context, event.data.vacancyId);
  const rank = vacancy?.names.find((n) => n.applicationId === event.data.applicationId)?.rank;
  if (rank === undefined || rank === 1) return [];
  return isBlank(event.data.reason)
    ? [ruleMessage('A-REASON.missing', { application: event.data.applicationId, rank })]
    : [];
};

/**
 * A-POSTREQ: an applicant is MS only when every requirement of the post (recorded on the vacancy
 * with its basis, e.g. PPNS for the Kepala Satpol PP) is shown met in the verification.
 */
export const checkPostRequirements: Check = ({ context, event }) => {
  if (event.type !== 'ApplicationVerified' || event.data.result !== 'MS') return [];
  const application = findApplication(context, event.data.applicationId);
  const vacancy = application ? findVacancy(context, application.vacancyId) : undefined;
  return (vacancy?.requirements ?? [])
    .filter(
      (needed) =>
        !event.data.requirements.some((r) => r.requirement === needed.requirement && r.met),
    )
    .map((needed) =>
      ruleMessage('A-POSTREQ.notMet', {
        requirement: needed.requirement,
        post: vacancy?.vacancyId ?? '',
        basis: needed.citation,
      }),
    );
};

/**
 * A-AUTH: the decree comes from the authority of the post's kind on the decree's date, after the
 * proposals and approvals that authority needs (docs/domain.md §10).
 */
export const checkAppointingAuthority: Check = ({ context, event }) => {
  if (event.type !== 'AppointmentDecreeIssued') return [];
  const vacancy = findVacancy(context, event.data.vacancyId);
  if (!vacancy) return [];
  return appointingAuthorityProblems(
    vacancy.postKind,
    event.data.decree,
    event.data.approvals ?? [],
  );
};
