import { checkRules, defineRule } from './rule.js';

describe('defineRule', () => {
  const atLeastThree = defineRule<number>({
    id: 'X-TEST',
    citation: 'Test Pasal 1',
    check: (n) => (n >= 3 ? [] : [`${n} is fewer than 3`]),
  });

  it('returns no violation when the rule holds', () => {
    expect(checkRules([atLeastThree], 3)).toEqual([]);
  });

  it('returns the violation with its id and citation when broken', () => {
    expect(checkRules([atLeastThree], 2)).toEqual([
      { rule: 'X-TEST', citation: 'Test Pasal 1', message: '2 is fewer than 3' },
    ]);
  });
});
