import { InvalidAuditQueryError } from './audit.errors.js';

/** NTT keeps WITA (Asia/Makassar): UTC+8 all year, no daylight saving. */
const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;

const LOCAL_OR_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

function fieldsAreReal(y: number, mo: number, d: number, h: number, mi: number, s: number) {
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === mo - 1 &&
    probe.getUTCDate() === d &&
    probe.getUTCHours() === h &&
    probe.getUTCMinutes() === mi &&
    probe.getUTCSeconds() === s
  );
}

/**
 * Reads an auditor's time as a UTC instant (ISO 8601, `Z`):
 * - an instant with an offset or `Z` (`2024-05-20T10:00+08:00`, `2024-05-20T02:00:00Z`);
 * - a local WITA date-time without offset (`2024-05-20T10:00`, `2024-05-20 10:00:30`);
 * - a bare WITA date (`2024-05-20`): the end of that day, 23:59:59.999 WITA, as a date deadline.
 */
export function parseAuditInstant(input: string): string {
  const match = LOCAL_OR_OFFSET.exec(input.trim());
  if (!match) throw new InvalidAuditQueryError(`Not a date-time: ${JSON.stringify(input)}`);
  const [, ys, mos, ds, hs, mis, ss, ms, offset] = match;
  const dateOnly = hs === undefined;
  if (dateOnly && offset !== undefined) {
    throw new InvalidAuditQueryError(`A date with an offset needs a time: ${input}`);
  }
  const [y, mo, d] = [Number(ys), Number(mos), Number(ds)];
  const [h, mi, s] = dateOnly ? [23, 59, 59] : [Number(hs), Number(mis), Number(ss ?? 0)];
  const millis = dateOnly ? 999 : Number((ms ?? '0').padEnd(3, '0'));
  if (!fieldsAreReal(y, mo, d, h, mi, s)) {
    throw new InvalidAuditQueryError(`No such date-time: ${input}`);
  }
  const wallClock = Date.UTC(y, mo - 1, d, h, mi, s, millis);
  return new Date(wallClock - offsetMs(offset)).toISOString();
}

function offsetMs(offset: string | undefined): number {
  if (offset === undefined) return WITA_OFFSET_MS;
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  if (hours! > 14 || minutes! > 59) throw new InvalidAuditQueryError(`Bad offset ${offset}`);
  return sign * (hours! * 60 + minutes!) * 60 * 1000;
}

/** `2024-05-20T10:00:00+08:00`: an instant as WITA wall-clock time (for JSON). */
export function toWitaIso(instant: string): string {
  const shifted = new Date(Date.parse(instant) + WITA_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/**
 * `2024-05-20 10:00 WITA`: an instant for people, the one format of every time jejak shows (the
 * CLI, the CSV and HTML reports; the dashboard's `formatWita` in apps/dashboard/src/calendar.ts is
 * its browser copy, held to the same output by wita-time.spec.ts). Year first, so it sorts, and
 * `audit replay --at` reads it back.
 */
export function formatWita(instant: string): string {
  const wita = toWitaIso(instant);
  return `${wita.slice(0, 10)} ${wita.slice(11, 16)} WITA`;
}
