import { RANKS } from './ranks.js';
import {
  ESELON_RANGES,
  PERGUB_MINIMUM_RANK_CITATION,
  eselonRange,
  minimumRankBelow,
  pergubMinimumRank,
} from './eselon.js';

describe('jenjang pangkat per eselon', () => {
  it('holds the ranges of PP 100/2000 jo PP 13/2002 named in docs/domain.md §2', () => {
    const byEselon = Object.fromEntries(
      ESELON_RANGES.map((row) => [row.eselon, [row.min, row.max]]),
    );
    expect(byEselon).toMatchObject({
      'II.a': ['IV/c', 'IV/d'],
      'II.b': ['IV/b', 'IV/c'],
      'III.a': ['IV/a', 'IV/b'],
      'III.b': ['III/d', 'IV/a'],
      'IV.a': ['III/c', 'III/d'],
      'IV.b': ['III/b', 'III/c'],
    });
  });

  it('names real ranks, lowest first, and a source on every row', () => {
    const ordinal = (code: string) => RANKS.find((rank) => rank.code === code)?.ordinal ?? 0;
    for (const row of ESELON_RANGES) {
      expect(ordinal(row.min)).toBeGreaterThan(0);
      expect(ordinal(row.max)).toBeGreaterThanOrEqual(ordinal(row.min));
      expect(row.source).toMatch(/PP 13\/2002/);
    }
  });

  it('reads eselon spellings', () => {
    expect(eselonRange('iii.a')?.eselon).toBe('III.a');
    expect(eselonRange('IV b')?.eselon).toBe('IV.b');
    expect(eselonRange('IIIb')?.eselon).toBe('III.b');
    expect(eselonRange('VI.a')).toBeUndefined();
  });

  describe('pergubMinimumRank', () => {
    it.each([
      ['III.a', 'III/d'],
      ['III.b', 'III/c'],
      ['IV.a', 'III/b'],
      ['IV.b', 'III/a'],
    ])('is one step below the lowest rank of %s: %s', (eselon, minimum) => {
      expect(pergubMinimumRank(eselon)).toBe(minimum);
    });

    it('is undefined for an unknown eselon', () => {
      expect(pergubMinimumRank('Z.z')).toBeUndefined();
    });

    it('cites Pergub 113 Pasal 3 and 4 huruf c', () => {
      expect(PERGUB_MINIMUM_RANK_CITATION).toMatch(/Pasal 3 huruf c/);
      expect(PERGUB_MINIMUM_RANK_CITATION).toMatch(/Pasal 4 huruf c/);
    });
  });

  describe('minimumRankBelow (a post stored with its own range)', () => {
    it('steps one down from the lowest rank given', () => {
      expect(minimumRankBelow('IV/a')).toBe('III/d');
    });

    it('is undefined when the lowest rank is unknown', () => {
      expect(minimumRankBelow('IV/z')).toBeUndefined();
    });
  });
});
