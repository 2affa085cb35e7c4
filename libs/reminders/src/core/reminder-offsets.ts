import type { Deadline } from '@jejak/workflows';

/**
 * When, relative to a deadline's `dueAt`, a reminder fires: `before` (ms before the due instant)
 * or `overdue` (ms after it: the escalation). `label` goes into the job id, so it is made of
 * lowercase letters and digits only.
 */
export type Offset = { label: string; kind: 'before' | 'overdue'; ms: number };

/** Offsets per deadline kind (docs/domain.md §6: configurable per kind). */
export type ReminderOffsets = Record<Deadline['kind'], readonly Offset[]>;

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

/** `REMINDER_OFFSETS` default: 3 days and 1 day before, and an escalation when overdue. */
export const DEFAULT_OFFSETS_SPEC = '3d,1d,overdue';

export class InvalidOffsetsError extends Error {
  readonly code = 'INVALID_REMINDER_OFFSETS';
}

function parseDuration(text: string, whole: string): { ms: number; label: string } {
  const match = /^(\d{1,6})([smhd])$/.exec(text);
  if (!match) {
    throw new InvalidOffsetsError(
      `Reminder offset "${text}" in "${whole}" is not a duration like 3d, 12h, 30m or 5s`,
    );
  }
  return { ms: Number(match[1]) * UNIT_MS[match[2] as Unit], label: text };
}

/** One token: `3d` (before), `overdue` (at the due instant), `overdue+1d` (a day after). */
export function parseOffset(token: string, whole = token): Offset {
  const text = token.trim().toLowerCase();
  if (text === 'overdue') return { label: 'overdue', kind: 'overdue', ms: 0 };
  if (text.startsWith('overdue+')) {
    const { ms, label } = parseDuration(text.slice('overdue+'.length), whole);
    return { label: `overdue${label}`, kind: 'overdue', ms };
  }
  const { ms, label } = parseDuration(text, whole);
  return { label, kind: 'before', ms };
}

function parseList(list: string, whole: string): Offset[] {
  const offsets = list
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '')
    .map((token) => parseOffset(token, whole));
  const labels = offsets.map((offset) => offset.label);
  if (new Set(labels).size !== labels.length) {
    throw new InvalidOffsetsError(`Reminder offsets "${whole}" repeat a value`);
  }
  return offsets;
}

/**
 * Parses `REMINDER_OFFSETS`: one list for every kind (`3d,1d,overdue`) or one per kind
 * (`legal=7d,3d,1d,overdue;planned=1d,overdue+2d`); a kind left out keeps the default.
 */
export function parseReminderOffsets(spec: string | undefined): ReminderOffsets {
  const whole = (spec ?? '').trim() === '' ? DEFAULT_OFFSETS_SPEC : spec!.trim();
  const fallback = parseList(DEFAULT_OFFSETS_SPEC, DEFAULT_OFFSETS_SPEC);
  if (!whole.includes('=')) {
    const offsets = parseList(whole, whole);
    return { legal: offsets, planned: offsets };
  }
  const result: ReminderOffsets = { legal: fallback, planned: fallback };
  for (const part of whole.split(';').filter((p) => p.trim() !== '')) {
    const [kind, list] = part.split('=').map((s) => s.trim());
    if (kind !== 'legal' && kind !== 'planned') {
      throw new InvalidOffsetsError(
        `Reminder offsets "${whole}": kind "${kind}" is not legal or planned`,
      );
    }
    result[kind] = parseList(list ?? '', whole);
  }
  return result;
}
