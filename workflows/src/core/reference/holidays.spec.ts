import { dayOfWeek, isCalendarDate } from '../calendar.js';
import { HOLIDAYS, HOLIDAY_YEARS, holidayOn, holidayTableCovers } from './holidays.js';

const datesOf = (year: number, kind: 'libur' | 'cuti-bersama') =>
  HOLIDAYS.filter((row) => row.date.startsWith(`${year}-`) && row.kind === kind).map(
    (row) => row.date,
  );

describe('holiday and cuti bersama table', () => {
  it('has real, unique, ordered dates, each with a name and a source', () => {
    const dates = HOLIDAYS.map((row) => row.date);
    expect(dates.every(isCalendarDate)).toBe(true);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const row of HOLIDAYS) {
      expect(row.name).not.toHaveLength(0);
      expect(row.source).not.toHaveLength(0);
    }
  });

  it('covers 2024 to 2026', () => {
    expect(HOLIDAY_YEARS).toEqual([2024, 2025, 2026]);
    for (const year of HOLIDAY_YEARS)
      expect(datesOf(year, 'libur').length).toBeGreaterThanOrEqual(17);
    expect(holidayTableCovers('2025-07-01')).toBe(true);
    expect(holidayTableCovers('2027-01-01')).toBe(false);
  });

  it('has the 17 national holidays of each year’s SKB', () => {
    for (const year of HOLIDAY_YEARS) {
      const skb = HOLIDAYS.filter((row) => row.date.startsWith(`${year}-`) && row.kind === 'libur');
      expect(skb.filter((row) => row.source.startsWith('SKB'))).toHaveLength(17);
    }
  });

  it('puts every cuti bersama on a weekday', () => {
    for (const row of HOLIDAYS.filter((r) => r.kind === 'cuti-bersama')) {
      expect({ date: row.date, weekday: [1, 2, 3, 4, 5].includes(dayOfWeek(row.date)) }).toEqual({
        date: row.date,
        weekday: true,
      });
    }
  });

  it('has the 2024 cuti bersama of Keppres 7/2024, Idul Fitri 8, 9, 12 and 15 April', () => {
    expect(datesOf(2024, 'cuti-bersama')).toEqual([
      '2024-02-09',
      '2024-03-12',
      '2024-04-08',
      '2024-04-09',
      '2024-04-12',
      '2024-04-15',
      '2024-05-10',
      '2024-05-24',
      '2024-06-18',
      '2024-12-26',
    ]);
    expect(holidayOn('2024-04-12')?.source).toMatch(/Keppres 7\/2024/);
    expect(holidayOn('2024-04-10')).toMatchObject({ kind: 'libur', name: 'Idul Fitri 1445 H' });
  });

  it('cites Keppres 2/2025 for the 2025 cuti bersama', () => {
    expect(holidayOn('2025-04-02')).toMatchObject({ kind: 'cuti-bersama' });
    expect(holidayOn('2025-04-02')?.source).toMatch(/Keppres 2\/2025/);
  });

  it('counts the election days of 2024 as holidays', () => {
    expect(holidayOn('2024-02-14')?.kind).toBe('libur');
    expect(holidayOn('2024-11-27')?.kind).toBe('libur');
  });

  it('finds nothing on an ordinary day', () => {
    expect(holidayOn('2024-05-15')).toBeUndefined();
  });
});
