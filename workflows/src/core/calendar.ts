import { holidayOn, holidayTableCovers } from './reference/holidays.js';

// NTT keeps WITA, IANA Asia/Makassar: UTC+8 all year, no DST (docs/domain.md §2). Fixed-offset
// arithmetic on UTC milliseconds is therefore exact; no Intl or host time zone is involved.

export const WITA_OFFSET_MINUTES = 480;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const OFFSET_MS = WITA_OFFSET_MINUTES * MINUTE_MS;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Remembers the last few thousand answers of a pure function of one string or number: rules and
 * views parse the same dates again and again. Bounded (cleared when full), so a long-running
 * process keeps no more than `limit` entries; a throw is not remembered.
 */
function remembered<K, V>(fn: (key: K) => V, limit = 4096): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

/** Days since 1970-01-01 of a calendar date 'YYYY-MM-DD'; throws on anything else. */
const dayNumber = remembered(parseDayNumber);

function parseDayNumber(date: string): number {
  const match = DATE.exec(date);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const ms = Date.UTC(y, m - 1, d);
    if (formatDate(ms) === date) return ms / DAY_MS;
  }
  throw new Error(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

const formatDate = remembered((utcMs: number): string =>
  new Date(utcMs).toISOString().slice(0, 10),
);

const fromDayNumber = (days: number) => formatDate(days * DAY_MS);

/** UTC milliseconds of an ISO 8601 instant with `Z` or an offset; a bare date is midnight WITA. */
export const instantMs: (instant: string) => number = remembered(parseInstantMs);

function parseInstantMs(instant: string): number {
  if (DATE.test(instant)) return dayNumber(instant) * DAY_MS - OFFSET_MS;
  const match = INSTANT.exec(instant);
  if (!match) throw new Error(`Not an ISO 8601 instant with offset: ${JSON.stringify(instant)}`);
  const [date = '', h = '', mi = '', s = '0', frac = '0', zone = 'Z'] = match.slice(1);
  if (+h > 23 || +mi > 59 || +s > 59) throw new Error(`Not a valid time of day: ${instant}`);
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMinutes = zone === 'Z' ? 0 : sign * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6));
  const timeMs = ((+h * 60 + +mi) * 60 + +s) * 1000 + +frac.padEnd(3, '0');
  return dayNumber(date) * DAY_MS + timeMs - offsetMinutes * MINUTE_MS;
}

/** Whether a string is a real calendar date 'YYYY-MM-DD'. */
export function isCalendarDate(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** The UTC instant (ISO, `Z`) of 00:00:00 WITA on a date. */
export const startOfDayWita: (date: string) => string = remembered((date) =>
  new Date(dayNumber(date) * DAY_MS - OFFSET_MS).toISOString(),
);

/** The UTC instant (ISO, `Z`) of 23:59:59 WITA on a date: when a date deadline ends. */
export const endOfDayWita: (date: string) => string = remembered((date) =>
  new Date((dayNumber(date) + 1) * DAY_MS - OFFSET_MS - 1000).toISOString(),
);

/** The WITA calendar date of an instant. */
export const witaDateOf: (instant: string) => string = remembered((instant) =>
  fromDayNumber(Math.floor((instantMs(instant) + OFFSET_MS) / DAY_MS)),
);

/** The instant in WITA, ISO 8601 with `+08:00` (milliseconds shown only when not zero). */
export function toWita(instant: string): string {
  const local = new Date(instantMs(instant) + OFFSET_MS).toISOString();
  const withoutZone = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  return `${withoutZone}+08:00`;
}

export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** `to` minus `from` in calendar days (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Adds calendar months, clamping to the month's last day (2024-08-31 + 6 -> 2025-02-28). */
export function addCalendarMonths(date: string, months: number): string {
  dayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = Date.UTC(y, m - 1 + months, 1);
  const target = new Date(firstOfTarget);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return formatDate(firstOfTarget + (Math.min(d, lastDay) - 1) * DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Monday to Friday, and neither a national holiday nor ASN cuti bersama (reference/holidays.ts). */
export function isWorkingDay(date: string): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && holidayOn(date) === undefined;
}

/**
 * The `n`-th working day after `date` (before it when `n` is negative); `date` itself for 0.
 * "Within 7 working days after the inauguration" ends on `addWorkingDays(inauguration, 7)`.
 */
export function addWorkingDays(date: string, n: number): string {
  dayNumber(date);
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(n); left > 0;) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

/**
 * Whether the holiday table covers every year from `from` to `to` (docs/domain.md §2); when it
 * does not, a count of working days there knows only the weekends and is provisional.
 */
export function holidaysKnownBetween(from: string, to: string): boolean {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  for (let year = Math.min(first, last); year <= Math.max(first, last); year += 1) {
    if (!holidayTableCovers(`${year}-01-01`)) return false;
  }
  return true;
}

/** The warning a provisional working-day deadline carries (Bahasa Indonesia). */
export const provisionalWarning = (from: string, to: string): string =>
  `Tanggal sementara: data hari libur nasional dan cuti bersama untuk ${from.slice(0, 4)}-${to.slice(0, 4)} belum lengkap; hanya Sabtu dan Minggu yang diperhitungkan`;

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  dayNumber(to);
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}
