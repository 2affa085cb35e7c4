// WITA (Asia/Makassar, UTC+8, no DST) and working days, for display. The holiday table comes from
// the server (`/ui/config.json`, the workflows' reference data), so the dashboard never keeps a
// copy of the law.

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

export type Holiday = { date: string; name: string; kind: string };

/** The WITA calendar date (YYYY-MM-DD) of an instant. */
export function witaDate(instant: string | number | Date): string {
  return new Date(new Date(instant).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** `2024-05-29 23:59 WITA` for an instant. */
export function formatWita(instant: string | undefined | null): string {
  if (!instant) return '';
  const time = new Date(instant).getTime();
  if (Number.isNaN(time)) return instant;
  const local = new Date(time + OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} WITA`;
}

/** A `datetime-local` value read as WITA -> ISO 8601 with `+08:00`. */
export function witaLocalToIso(local: string): string {
  const withSeconds = /T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
  return `${withSeconds}+08:00`;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/**
 * Working days from `today` to `due` (both WITA dates): the working days after today up to and
 * including the due date; 0 when due today; when past, minus the working days after the due date
 * up to and including today.
 */
export function workingDaysUntil(today: string, due: string, holidays: ReadonlySet<string>): number {
  const from = dayNumber(today);
  const to = dayNumber(due);
  const [low, high, sign] = to >= from ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) {
    if (isWorkingDay(fromDayNumber(day), holidays)) count += 1;
  }
  return sign * count;
}
