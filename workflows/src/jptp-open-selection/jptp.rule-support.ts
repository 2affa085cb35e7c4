import type { RuleInput } from '../core/decider.js';
import { instantMs, witaDateOf } from '../core/calendar.js';
import { mendagriApprovalRequired, type MendagriRequirement } from '../core/mendagri.js';
import type { RecordedDocument } from '../core/types.js';
import type { JptpContext, JptpVacancyState } from './jptp.context.js';
import type { JptpEvent } from './jptp.events.js';

export type JptpRuleInput = RuleInput<JptpContext, JptpEvent>;

/** The WITA date of the action: every rule is evaluated as of this day. */
export const actionDate = (event: JptpEvent): string => witaDateOf(event.data.occurredAt);

export const isBlank = (text: string | undefined | null): boolean =>
  text === undefined || text === null || text.trim() === '';

export const isBefore = (instant: string, other: string): boolean =>
  instantMs(instant) < instantMs(other);

/** docs/domain.md §5 on a date: the PPK status then and the configured Pilkada windows. */
export const mendagriGateOn = (context: JptpContext, date: string): MendagriRequirement =>
  mendagriApprovalRequired({
    ppkStatus: context.ppkStatuses,
    date,
    pilkada: context.config.pilkada,
  });

/** What an act concerns, for matching a Mendagri approval's coverage against it. */
export type ApprovedAct = { vacancyId?: string; nip?: string };

/**
 * Whether an approval names the act: this selection, the post, or the person (docs/domain.md §5).
 * An approval that names nothing (recorded before coverage was asked) covers nothing.
 */
export function approvalCovers(
  context: JptpContext,
  approval: JptpContext['mendagriApprovals'][number],
  act: ApprovedAct,
): boolean {
  const covers = approval.covers;
  if (!covers) return false;
  return (
    (covers.selectionId !== undefined && covers.selectionId === context.selectionId) ||
    (act.vacancyId !== undefined && (covers.vacancyIds ?? []).includes(act.vacancyId)) ||
    (act.nip !== undefined && (covers.nips ?? []).includes(act.nip))
  );
}

/** A Mendagri approval of `purpose` dated on or before `date` that covers the act, if recorded. */
export const approvalOnOrBefore = (
  context: JptpContext,
  purpose: 'SELECTION' | 'APPOINTMENT',
  date: string,
  act: ApprovedAct = {},
): RecordedDocument | undefined =>
  context.mendagriApprovals.find(
    (a) => a.purpose === purpose && a.document.date <= date && approvalCovers(context, a, act),
  )?.document;

export const describeDocument = (document: RecordedDocument): string =>
  `${document.issuer} ${document.number} (${document.date})`;

/** Vacancies whose registration may still receive applications (open or extended). */
export const registeringVacancies = (context: JptpContext): JptpVacancyState[] =>
  context.vacancies.filter((v) => v.subStatus === 'open' || v.subStatus === 'extended');
