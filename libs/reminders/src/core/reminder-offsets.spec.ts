import { parseOffset, parseReminderOffsets } from './reminder-offsets.js';

describe('parseReminderOffsets', () => {
  it('defaults to 3 days and 1 day before plus an escalation when overdue, for both kinds', () => {
    const offsets = parseReminderOffsets(undefined);
    expect(offsets.legal.map((o) => o.label)).toEqual(['3d', '1d', 'overdue']);
    expect(offsets.planned).toEqual(offsets.legal);
    expect(parseReminderOffsets('')).toEqual(offsets);
  });

  it('reads durations in seconds, minutes, hours and days', () => {
    expect(parseOffset('5s')).toEqual({ label: '5s', kind: 'before', ms: 5_000 });
    expect(parseOffset('30m')).toEqual({ label: '30m', kind: 'before', ms: 1_800_000 });
    expect(parseOffset('12h').ms).toBe(43_200_000);
    expect(parseOffset('overdue+2d')).toEqual({
      label: 'overdue2d',
      kind: 'overdue',
      ms: 172_800_000,
    });
  });

  it('takes one list per kind, keeping the default for a kind left out', () => {
    const offsets = parseReminderOffsets('legal=7d,1d; planned=overdue+1d');
    expect(offsets.legal.map((o) => o.label)).toEqual(['7d', '1d']);
    expect(offsets.planned.map((o) => o.label)).toEqual(['overdue1d']);
    expect(parseReminderOffsets('planned=1d').legal.map((o) => o.label)).toEqual([
      '3d',
      '1d',
      'overdue',
    ]);
  });

  it.each(['3 days', '1d,1d', 'vacancy=1d', '-1d', '1w'])('rejects %p', (spec) => {
    expect(() => parseReminderOffsets(spec)).toThrow(/Reminder offset/);
  });
});
