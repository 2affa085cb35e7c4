import {
  WITA_OFFSET_MINUTES,
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  calendarDaysBetween,
  dayOfWeek,
  endOfDayWita,
  holidaysKnownBetween,
  instantMs,
  isCalendarDate,
  isWorkingDay,
  provisionalWarning,
  startOfDayWita,
  toWita,
  witaDateOf,
  workingDaysBetween,
} from './calendar.js';

describe('calendar (Asia/Makassar, WITA)', () => {
  it('is UTC+8', () => {
    expect(WITA_OFFSET_MINUTES).toBe(480);
  });

  describe('day boundaries', () => {
    it('ends a date deadline at 23:59:59 WITA = 15:59:59Z', () => {
      expect(endOfDayWita('2024-05-29')).toBe('2024-05-29T15:59:59.000Z');
    });

    it('starts a WITA day at 16:00Z of the day before', () => {
      expect(startOfDayWita('2024-05-15')).toBe('2024-05-14T16:00:00.000Z');
      expect(startOfDayWita('2025-01-01')).toBe('2024-12-31T16:00:00.000Z');
    });

    it('ends 31 December in the same UTC year and 29 February in a leap year', () => {
      expect(endOfDayWita('2024-12-31')).toBe('2024-12-31T15:59:59.000Z');
      expect(endOfDayWita('2024-02-29')).toBe('2024-02-29T15:59:59.000Z');
    });
  });

  describe('witaDateOf', () => {
    it('moves to the next day at 16:00Z', () => {
      expect(witaDateOf('2024-05-29T15:59:59.999Z')).toBe('2024-05-29');
      expect(witaDateOf('2024-05-29T16:00:00Z')).toBe('2024-05-30');
    });

    it('crosses the year boundary in WITA before UTC does', () => {
      expect(witaDateOf('2024-12-31T16:00:00Z')).toBe('2025-01-01');
      expect(witaDateOf('2024-12-31T15:59:59Z')).toBe('2024-12-31');
    });

    it('reads any offset', () => {
      expect(witaDateOf('2024-05-15T09:00:00+08:00')).toBe('2024-05-15');
      expect(witaDateOf('2024-05-15T23:30:00+07:00')).toBe('2024-05-16');
      expect(witaDateOf('2024-05-15T10:29-05:30')).toBe('2024-05-15');
      expect(witaDateOf('2024-05-15T10:30-05:30')).toBe('2024-05-16');
    });

    it('takes a bare date as that WITA date', () => {
      expect(witaDateOf('2024-05-15')).toBe('2024-05-15');
    });

    it('round-trips endOfDayWita', () => {
      expect(witaDateOf(endOfDayWita('2026-03-24'))).toBe('2026-03-24');
    });
  });

  describe('toWita', () => {
    it('shows an instant with +08:00', () => {
      expect(toWita('2024-05-29T15:59:59.000Z')).toBe('2024-05-29T23:59:59+08:00');
      expect(toWita('2024-12-31T16:00:00Z')).toBe('2025-01-01T00:00:00+08:00');
    });

    it('keeps milliseconds when there are some', () => {
      expect(toWita('2024-05-15T01:02:03.45Z')).toBe('2024-05-15T09:02:03.450+08:00');
      expect(toWita('2024-05-15T01:02:03.123456Z')).toBe('2024-05-15T09:02:03.123+08:00');
    });
  });

  describe('instantMs', () => {
    it('agrees with the platform parser on offset instants', () => {
      for (const instant of [
        '2024-05-15T09:00:00+08:00',
        '2024-02-29T23:59:59.5-03:00',
        '1999-12-31T23:59Z',
      ]) {
        expect(instantMs(instant)).toBe(Date.parse(instant));
      }
    });

    it('refuses an instant without offset, whose meaning would depend on the host', () => {
      expect(() => instantMs('2024-05-15T09:00:00')).toThrow(/with offset/);
    });

    it('refuses impossible dates and times', () => {
      expect(() => instantMs('2024-02-30T09:00:00Z')).toThrow(/calendar date/);
      expect(() => instantMs('2024-05-15T24:00:00Z')).toThrow(/time of day/);
      expect(() => instantMs('2024-05-15T10:60:00Z')).toThrow(/time of day/);
      expect(() => instantMs('2024-05-15T10:00:60Z')).toThrow(/time of day/);
      expect(() => witaDateOf('yesterday')).toThrow();
    });
  });

  describe('calendar dates', () => {
    it('validates dates', () => {
      expect(isCalendarDate('2024-02-29')).toBe(true);
      expect(isCalendarDate('2025-02-29')).toBe(false);
      expect(isCalendarDate('2024-13-01')).toBe(false);
      expect(isCalendarDate('2024-5-1')).toBe(false);
      expect(isCalendarDate('0050-01-01')).toBe(false);
    });

    it('adds calendar days across month, leap day and year', () => {
      expect(addCalendarDays('2024-05-15', 14)).toBe('2024-05-29');
      expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addCalendarDays('2024-12-25', 7)).toBe('2025-01-01');
      expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
      expect(addCalendarDays('2024-05-15', 0)).toBe('2024-05-15');
    });

    it('counts calendar days between dates, signed', () => {
      expect(calendarDaysBetween('2024-05-15', '2024-05-29')).toBe(14);
      expect(calendarDaysBetween('2024-12-31', '2025-01-01')).toBe(1);
      expect(calendarDaysBetween('2024-05-29', '2024-05-15')).toBe(-14);
      expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    });

    it('throws on a malformed date, a programmer error upstream of the rules', () => {
      expect(() => addCalendarDays('15/05/2024', 1)).toThrow(/YYYY-MM-DD/);
      expect(() => calendarDaysBetween('2024-05-15', '2024-05-32')).toThrow(/YYYY-MM-DD/);
    });

    it('adds months, clamping to the end of a shorter month', () => {
      expect(addCalendarMonths('2024-09-22', -6)).toBe('2024-03-22');
      expect(addCalendarMonths('2025-02-20', 6)).toBe('2025-08-20');
      expect(addCalendarMonths('2024-08-31', 6)).toBe('2025-02-28');
      expect(addCalendarMonths('2023-08-31', 6)).toBe('2024-02-29');
      expect(addCalendarMonths('2024-11-30', 2)).toBe('2025-01-30');
      expect(addCalendarMonths('2024-03-31', -13)).toBe('2023-02-28');
      expect(() => addCalendarMonths('2024-02-30', 1)).toThrow();
    });

    it('knows the day of the week', () => {
      expect(dayOfWeek('2024-04-10')).toBe(3);
      expect(dayOfWeek('2024-04-13')).toBe(6);
      expect(dayOfWeek('2024-04-14')).toBe(0);
      expect(dayOfWeek('1969-12-31')).toBe(3);
    });
  });

  describe('working days', () => {
    it('sees the whole Idul Fitri 2024 week (8-15 April) off', () => {
      const days = Array.from({ length: 8 }, (_, i) => addCalendarDays('2024-04-08', i));
      expect(days.map(isWorkingDay)).toEqual([
        false,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
      ]);
      expect(isWorkingDay('2024-04-05')).toBe(true);
      expect(isWorkingDay('2024-04-16')).toBe(true);
    });

    it('skips the holidays when adding working days', () => {
      expect(addWorkingDays('2024-04-05', 1)).toBe('2024-04-16');
      expect(addWorkingDays('2024-04-04', 7)).toBe('2024-04-23');
    });

    it('goes backwards with a negative count', () => {
      expect(addWorkingDays('2024-04-16', -1)).toBe('2024-04-05');
    });

    it('returns the date itself for 0', () => {
      expect(addWorkingDays('2024-04-13', 0)).toBe('2024-04-13');
      expect(() => addWorkingDays('2024-04-31', 0)).toThrow();
    });

    it('crosses the year boundary over Natal cuti bersama and Tahun Baru', () => {
      expect(addWorkingDays('2024-12-24', 1)).toBe('2024-12-27');
      expect(addWorkingDays('2024-12-27', 2)).toBe('2024-12-31');
      expect(addWorkingDays('2024-12-27', 3)).toBe('2025-01-02');
      expect(isWorkingDay('2025-01-01')).toBe(false);
    });

    it('counts 7 working days for the report after the 2025-05-19 NTT inauguration', () => {
      expect(addWorkingDays('2025-05-19', 7)).toBe('2025-05-28');
      expect(addWorkingDays('2025-05-19', 8)).toBe('2025-06-02');
      expect(workingDaysBetween('2025-05-19', '2025-05-28')).toBe(7);
    });

    it('counts working days after a date up to another', () => {
      expect(workingDaysBetween('2024-04-05', '2024-04-16')).toBe(1);
      expect(workingDaysBetween('2024-04-16', '2024-04-05')).toBe(0);
      expect(() => workingDaysBetween('2024-04-05', 'later')).toThrow();
    });

    it('treats weekends as days off outside the holiday table', () => {
      expect(isWorkingDay('2027-01-01')).toBe(true);
      expect(isWorkingDay('2027-01-02')).toBe(false);
    });
  });

  describe('remembered answers', () => {
    it('answers the same after thousands of distinct dates (the bounded memory is cleared)', () => {
      const instants = Array.from({ length: 5_000 }, (_, i) =>
        new Date(Date.UTC(2024, 0, 1) + i * 3_600_000 + 7 * 60_000).toISOString(),
      );
      const first = instants.map((i) => [instantMs(i), witaDateOf(i)]);
      const again = instants.map((i) => [instantMs(i), witaDateOf(i)]);
      expect(again).toEqual(first);
      expect(first[0]).toEqual([Date.parse(instants[0]!), '2024-01-01']);
      expect(first[16]).toEqual([Date.parse(instants[16]!), '2024-01-02']);
      expect(witaDateOf('1969-12-31T15:59:59Z')).toBe('1969-12-31');
      expect(witaDateOf('1969-12-31T16:00:00Z')).toBe('1970-01-01');
    });

    it('throws again, never remembers, an invalid date', () => {
      expect(() => endOfDayWita('2024-02-30')).toThrow(/Not a calendar date/);
      expect(() => endOfDayWita('2024-02-30')).toThrow(/Not a calendar date/);
      expect(isCalendarDate('2024-02-30')).toBe(false);
    });
  });
});

describe('holidaysKnownBetween', () => {
  it('knows the years of the holiday table and nothing past them', () => {
    expect(holidaysKnownBetween('2025-12-24', '2026-01-05')).toBe(true);
    expect(holidaysKnownBetween('2026-12-31', '2026-12-31')).toBe(true);
    expect(holidaysKnownBetween('2026-12-31', '2027-01-01')).toBe(false);
    expect(holidaysKnownBetween('2023-12-29', '2024-01-03')).toBe(false);
    expect(provisionalWarning('2026-12-29', '2027-01-07')).toMatch(/^Tanggal sementara/);
  });
});
