import {
  actNotInFuture,
  checkActOrder,
  CLOCK_TOLERANCE_MS,
  dateOfAct,
  effectiveAtOf,
  isEffectiveTime,
  paperDateOf,
  type ActOrderRule,
} from './effective-time.js';
import type { DomainEvent } from './types.js';

const recordedAt = '2026-12-08T02:00:00.000Z'; // 10:00 WITA

describe('effective time (issue 13)', () => {
  describe('paperDateOf', () => {
    it('reads the date of the act’s decree, letter, announcement, document or report', () => {
      for (const field of ['decree', 'letter', 'announcement', 'document', 'report'])
        expect(paperDateOf({ [field]: { number: '1', date: '2024-05-13' } })).toBe('2024-05-13');
    });
    it('falls back to the act’s own date (an inauguration)', () => {
      expect(paperDateOf({ vacancyId: 'V1', date: '2025-05-19' })).toBe('2025-05-19');
    });
    it('is undefined for an act with no paper or no real date', () => {
      expect(paperDateOf({})).toBeUndefined();
      expect(paperDateOf({ decree: { date: 'kemarin' } })).toBeUndefined();
      expect(paperDateOf(null)).toBeUndefined();
    });
  });

  describe('effectiveAtOf', () => {
    it('takes the instant the caller gives, in WITA', () => {
      expect(effectiveAtOf({ requested: '2024-05-15T01:00:00Z', data: {}, recordedAt })).toBe(
        '2024-05-15T09:00:00+08:00',
      );
    });
    it('takes a date as that day, 00:00 WITA', () => {
      expect(effectiveAtOf({ requested: '2024-05-15', data: {}, recordedAt })).toBe(
        '2024-05-15T00:00:00+08:00',
      );
    });
    it('takes the paper’s date when the caller gives none, and the given one over the paper', () => {
      const data = { decree: { date: '2024-05-13' } };
      expect(effectiveAtOf({ data, recordedAt })).toBe('2024-05-13T00:00:00+08:00');
      expect(effectiveAtOf({ requested: '2024-05-14', data, recordedAt })).toBe(
        '2024-05-14T00:00:00+08:00',
      );
    });
    it('is the recording moment for a date that is the recording’s own day, or no date at all', () => {
      expect(effectiveAtOf({ requested: '2026-12-08', data: {}, recordedAt })).toBe(
        '2026-12-08T10:00:00+08:00',
      );
      expect(effectiveAtOf({ data: {}, recordedAt })).toBe('2026-12-08T10:00:00+08:00');
    });
  });

  it('isEffectiveTime accepts dates and instants with an offset, nothing else', () => {
    expect(isEffectiveTime('2024-05-15')).toBe(true);
    expect(isEffectiveTime('2024-05-15T09:00:00+08:00')).toBe(true);
    expect(isEffectiveTime('2024-05-15T09:00Z')).toBe(true);
    expect(isEffectiveTime('2024-05-15T09:00:00')).toBe(false);
    expect(isEffectiveTime('2024-02-30')).toBe(false);
    expect(isEffectiveTime('15 Mei 2024')).toBe(false);
  });

  describe('T-FUTURE: an act cannot be dated after it is recorded', () => {
    it('allows the past, the present and the clocks’ tolerance', () => {
      expect(actNotInFuture('2024-05-15T09:00:00+08:00', recordedAt)).toEqual([]);
      expect(actNotInFuture(recordedAt, recordedAt)).toEqual([]);
      const within = new Date(Date.parse(recordedAt) + CLOCK_TOLERANCE_MS).toISOString();
      expect(actNotInFuture(within, recordedAt)).toEqual([]);
    });
    it('refuses an act beyond the tolerance, with its rule id and citation', () => {
      const beyond = new Date(Date.parse(recordedAt) + CLOCK_TOLERANCE_MS + 1000).toISOString();
      const [violation, ...rest] = actNotInFuture(beyond, recordedAt);
      expect(rest).toEqual([]);
      expect(violation).toMatchObject({ rule: 'T-FUTURE', citation: expect.stringMatching(/\S/) });
      expect(violation!.message).toMatch(/masa depan/);
    });
  });

  describe('checkActOrder', () => {
    type Ctx = { chosenOn: string | null };
    type Ev = DomainEvent<'DecreeIssued' | 'Other'>;
    const rule: ActOrderRule<Ctx, Ev> = {
      id: 'X-ORDER',
      citation: 'uji',
      act: 'keputusan',
      events: ['DecreeIssued'],
      dependsOn: (context) => [{ act: 'pemilihan', date: dateOfAct(context.chosenOn) }],
    };
    const event = (type: Ev['type'], occurredAt: string): Ev => ({ type, data: { occurredAt } });
    const chosen = { chosenOn: '2024-07-10T15:00:00+08:00' };

    it('allows an act dated on or after what it depends on', () => {
      expect(
        checkActOrder(rule, chosen, event('DecreeIssued', '2024-07-10T08:00:00+08:00')),
      ).toEqual([]);
      expect(
        checkActOrder(rule, chosen, event('DecreeIssued', '2024-07-11T00:00:00+08:00')),
      ).toEqual([]);
    });
    it('refuses an act dated before what it depends on (by WITA date)', () => {
      expect(checkActOrder(rule, chosen, event('DecreeIssued', '2024-07-09T16:00:00Z'))).toEqual(
        [],
      );
      expect(
        checkActOrder(rule, chosen, event('DecreeIssued', '2024-07-09T15:59:59Z')),
      ).toMatchObject([{ rule: 'X-ORDER', citation: 'uji' }]);
    });
    it('does not judge other acts, nor a dependency not dated yet', () => {
      expect(checkActOrder(rule, chosen, event('Other', '2024-01-01T00:00:00+08:00'))).toEqual([]);
      expect(
        checkActOrder(rule, { chosenOn: null }, event('DecreeIssued', '2024-01-01T00:00:00+08:00')),
      ).toEqual([]);
    });
  });
});
