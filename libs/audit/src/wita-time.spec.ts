import fc from 'fast-check';
import { formatWita as dashboardFormatWita } from '../../../apps/dashboard/src/calendar.js';
import { formatWita, parseAuditInstant, toWitaIso } from './wita-time.js';

describe('parseAuditInstant', () => {
  it.each([
    ['2024-05-20T10:00', '2024-05-20T02:00:00.000Z'],
    ['2024-05-20 10:00:30', '2024-05-20T02:00:30.000Z'],
    ['2024-05-20T07:30:00.5', '2024-05-19T23:30:00.500Z'],
    ['2024-05-20T10:00+08:00', '2024-05-20T02:00:00.000Z'],
    ['2024-05-20T10:00:00Z', '2024-05-20T10:00:00.000Z'],
    ['2024-05-20T10:00:00-03:30', '2024-05-20T13:30:00.000Z'],
  ])('reads %s (no offset = WITA, UTC+8) as %s', (input, expected) => {
    expect(parseAuditInstant(input)).toBe(expected);
  });

  it('reads a bare date as the end of that day in WITA, like a date deadline', () => {
    expect(parseAuditInstant('2024-05-29')).toBe('2024-05-29T15:59:59.999Z');
  });

  it.each([
    '',
    'kemarin',
    '2024-02-30T10:00',
    '2024-05-20T24:00',
    '2024-05-20T10:00+15:00',
    '20-05-2024 10:00',
    '2024-05-20+08:00',
  ])('rejects %j with INVALID_AUDIT_QUERY', (input) => {
    expect(() => parseAuditInstant(input)).toThrow(
      expect.objectContaining({ code: 'INVALID_AUDIT_QUERY' }),
    );
  });
});

describe('WITA display', () => {
  it('shows an instant as WITA wall-clock time, crossing midnight', () => {
    expect(toWitaIso('2024-05-29T16:30:00.000Z')).toBe('2024-05-30T00:30:00+08:00');
    expect(formatWita('2024-05-29T15:59:59.000Z')).toBe('2024-05-29 23:59 WITA');
    expect(formatWita('2024-12-31T16:00:00.000Z')).toBe('2025-01-01 00:00 WITA');
  });

  it('is the format the dashboard shows, for any instant', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const instant = date.toISOString();
          expect(formatWita(instant)).toBe(dashboardFormatWita(instant));
        },
      ),
    );
  });

  it('reads back as the same minute with `audit replay --at` (the CLI prints what it accepts)', () => {
    const shown = formatWita('2024-05-20T02:00:59.000Z');
    expect(parseAuditInstant(shown.replace(' WITA', ''))).toBe('2024-05-20T02:00:00.000Z');
  });
});
