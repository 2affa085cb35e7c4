import { citationOn, citationsOf, type DatedCitation } from './core/rule.js';
import { REPEALS, citesAct } from './core/reference/repeals.js';
import { JPTP_RULES } from './jptp-open-selection/jptp.rules.js';
import { PERGUB113_RULES } from './pergub-113-filling/pergub113.rules.js';

// Every rule's citation, period by period: no repealed act is cited for an act dated on or after
// its repeal, and no citation points to a file users of jejak do not have.

const RULES: readonly { id: string; citation: string; citations?: readonly DatedCitation[] }[] = [
  ...JPTP_RULES,
  ...PERGUB113_RULES,
];

describe('rule citations and their date ranges', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s cites no repealed act after its repeal',
    (_id, rule) => {
      for (const period of citationsOf(rule)) {
        for (const repeal of REPEALS.filter((r) => citesAct(period.text, r.act))) {
          expect({ rule: rule.id, act: repeal.act, until: period.until ?? 'open' }).toEqual({
            rule: rule.id,
            act: repeal.act,
            until: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          });
          expect(period.until! < repeal.repealedOn).toBe(true);
        }
      }
    },
  );

  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s has periods in order, without gaps, the last one open',
    (_id, rule) => {
      const periods = citationsOf(rule);
      expect(periods.length).toBeGreaterThan(0);
      expect(periods[periods.length - 1]?.until).toBeUndefined();
      periods.slice(1).forEach((period, i) => {
        const previous = periods[i]!;
        expect(previous.until).toBeDefined();
        expect(period.from! > previous.until!).toBe(true);
      });
      expect(rule.citation).toBe(periods[periods.length - 1]?.text);
    },
  );

  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    '%s never cites the internal DOMAIN.md',
    (_id, rule) => {
      for (const period of citationsOf(rule)) expect(period.text).not.toMatch(/DOMAIN\.md/);
    },
  );

  it('picks UU 5/2014 for an act on 30 Oct 2023 and UU 20/2023 from 31 Oct 2023 (A-THREE)', () => {
    const three = JPTP_RULES.find((rule) => rule.id === 'A-THREE')!;
    expect(citationOn(citationsOf(three), '2023-10-30')).toMatch(/^UU 5\/2014/);
    expect(citationOn(citationsOf(three), '2023-10-31')).toMatch(/^UU 20\/2023/);
    expect(citationOn(citationsOf(three), '2023-11-01')).toMatch(/^UU 20\/2023/);
  });

  it('tells UU 5/2014 from a longer number', () => {
    expect(citesAct('UU 5/2014 Pasal 115', 'UU 5/2014')).toBe(true);
    expect(citesAct('UU 5/20145', 'UU 5/2014')).toBe(false);
    expect(citesAct('UU 15/2014', 'UU 5/2014')).toBe(false);
  });
});
