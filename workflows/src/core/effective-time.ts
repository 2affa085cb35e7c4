import { isCalendarDate, toWita, witaDateOf } from './calendar.js';
import type { Violation } from './rule.js';
import type { DomainEvent } from './types.js';

// Two times on every act (issue 13): `effectiveAt`, when the act happened (the date of its paper:
// a decree, a letter, the minutes of a meeting), and `recordedAt`, when jejak recorded it (the
// server's clock). Rules, windows and deadlines are evaluated at the effective time; an act with
// no paper of its own (a SYSTEM close at the deadline) is effective when it is recorded.

/** How far an effective time may lie ahead of the server's clock (clocks of two machines). */
export const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/** The members of a command's data that hold the act's own paper, in the order they are read. */
export const PAPER_FIELDS = ['decree', 'letter', 'announcement', 'document', 'report'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The calendar date of the act's own paper: the date of its decree, letter, announcement,
 * document or report, else its own `date` (an inauguration's). Undefined for an act with none.
 */
export function paperDateOf(data: unknown): string | undefined {
  if (!isObject(data)) return undefined;
  for (const field of PAPER_FIELDS) {
    const paper = data[field];
    if (isObject(paper) && typeof paper['date'] === 'string' && isCalendarDate(paper['date']))
      return paper['date'];
  }
  const own = data['date'];
  return typeof own === 'string' && isCalendarDate(own) ? own : undefined;
}

/** An instant with an offset (`2024-05-15T09:00:00+08:00`, `...Z`), seconds optional. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for what a command may give as its effective time: a calendar date or an instant. */
export function isEffectiveTime(value: string): boolean {
  if (isCalendarDate(value)) return true;
  return INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * When the act took effect, in WITA: the time the command gives (a date is that day, 00:00 WITA),
 * else the date of its paper, else the moment it is recorded. A date that is the recording's own
 * WITA day is the recording moment itself (the act and its record on one day keep their order).
 */
export function effectiveAtOf(input: {
  requested?: string | undefined;
  data: unknown;
  recordedAt: string;
}): string {
  const { requested, data, recordedAt } = input;
  const given = requested ?? paperDateOf(data);
  if (given === undefined) return toWita(recordedAt);
  if (!isCalendarDate(given)) return toWita(given);
  if (given === witaDateOf(recordedAt)) return toWita(recordedAt);
  return `${given}T00:00:00+08:00`;
}

/** The citation of the record-keeping rules (T-*): jejak's own principle, no statute. */
export const RECORDING_CITATION =
  'Asas pencatatan jejak: tindakan dicatat dengan tanggal dokumennya, setelah terjadi [DEF]';

/** T-FUTURE: an act cannot be recorded before it happens (beyond the clocks' tolerance). */
export const ACT_NOT_IN_FUTURE = { id: 'T-FUTURE', citation: RECORDING_CITATION } as const;

export function actNotInFuture(effectiveAt: string, recordedAt: string): Violation[] {
  if (Date.parse(effectiveAt) <= Date.parse(recordedAt) + CLOCK_TOLERANCE_MS) return [];
  return [
    {
      rule: ACT_NOT_IN_FUTURE.id,
      citation: ACT_NOT_IN_FUTURE.citation,
      message:
        `tanggal tindakan ${toWita(effectiveAt)} masih di masa depan (dicatat ${toWita(recordedAt)}); ` +
        `the act's date is in the future`,
    },
  ];
}

/** An act this one depends on, with the WITA date it took effect (null: not dated yet). */
export type Dependency = { act: string; date: string | null | undefined };

/**
 * One ordering rule: an act of `event` type cannot be dated before the acts it depends on (a
 * decree before the choice it executes, an announcement before the approvals it needs). Acts of
 * one stage that do not depend on each other are free in their order.
 */
export type ActOrderRule<Ctx, E extends DomainEvent = DomainEvent> = {
  readonly id: string;
  readonly citation: string;
  /** The event types it judges. */
  readonly events: readonly E['type'][];
  /** The acts the candidate event depends on, read from the folded context. */
  readonly dependsOn: (context: Ctx, event: E) => readonly Dependency[];
  /** The act's name in messages (Bahasa Indonesia). */
  readonly act: string;
};

/** The violations of one ordering rule for a candidate event (none when it does not apply). */
export function checkActOrder<Ctx, E extends DomainEvent>(
  rule: ActOrderRule<Ctx, E>,
  context: Ctx,
  event: E,
): Violation[] {
  if (!rule.events.includes(event.type)) return [];
  const date = witaDateOf(event.data.occurredAt);
  return rule
    .dependsOn(context, event)
    .filter((dependency) => dependency.date != null && date < dependency.date)
    .map((dependency) => ({
      rule: rule.id,
      citation: rule.citation,
      message:
        `${rule.act} bertanggal ${date}, sebelum ${dependency.act} (${dependency.date}) yang menjadi dasarnya; ` +
        `the act is dated before an act it depends on`,
    }));
}

/** The WITA date of an instant or a calendar date (null stays null). */
export const dateOfAct = (value: string | null | undefined): string | null =>
  value == null ? null : isCalendarDate(value) ? value : witaDateOf(value);
