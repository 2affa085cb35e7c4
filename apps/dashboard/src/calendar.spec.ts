import { describe, expect, it } from '@jest/globals';
import { formatWita, witaDate, witaLocalToIso, workingDaysUntil } from './calendar.js';

const holidays = new Set(['2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12', '2024-04-15']);

describe('WITA display and working days', () => {
  it('shows instants in WITA (UTC+8)', () => {
    expect(witaDate('2024-05-29T15:59:59.000Z')).toBe('2024-05-29');
    expect(witaDate('2024-05-29T16:00:00.000Z')).toBe('2024-05-30');
    expect(formatWita('2024-05-29T15:59:59.000Z')).toBe('2024-05-29 23:59 WITA');
    expect(witaLocalToIso('2024-05-20T10:00')).toBe('2024-05-20T10:00:00+08:00');
  });

  it('counts working days ahead, skipping weekends, holidays and cuti bersama', () => {
    expect(workingDaysUntil('2024-05-13', '2024-05-13', holidays)).toBe(0);
    expect(workingDaysUntil('2024-05-13', '2024-05-17', holidays)).toBe(4);
    expect(workingDaysUntil('2024-05-17', '2024-05-20', holidays)).toBe(1);
    // The Idul Fitri 2024 week: 8-12 April and 15 April are off.
    expect(workingDaysUntil('2024-04-05', '2024-04-16', holidays)).toBe(1);
  });

  it('counts working days late, up to and including today', () => {
    expect(workingDaysUntil('2024-05-15', '2024-05-13', holidays)).toBe(-2);
    expect(workingDaysUntil('2024-05-20', '2024-05-18', holidays)).toBe(-1);
  });
});
