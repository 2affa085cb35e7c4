import { RANKS, findRank, isRankCode, rankAtLeast, rankBelow, rankOrdinal } from './ranks.js';

describe('rank ladder', () => {
  it('has the 17 golongan/ruang in order, each with a name and a source', () => {
    expect(RANKS.map((rank) => rank.code)).toEqual([
      'I/a',
      'I/b',
      'I/c',
      'I/d',
      'II/a',
      'II/b',
      'II/c',
      'II/d',
      'III/a',
      'III/b',
      'III/c',
      'III/d',
      'IV/a',
      'IV/b',
      'IV/c',
      'IV/d',
      'IV/e',
    ]);
    expect(RANKS.map((rank) => rank.ordinal)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const rank of RANKS) {
      expect(rank.name).not.toHaveLength(0);
      expect(rank.source).toMatch(/PP 99\/2000/);
    }
    expect(findRank('III/d')?.name).toBe('Penata Tingkat I');
    expect(findRank('IV/e')?.name).toBe('Pembina Utama');
  });

  it('reads the spellings found in decrees', () => {
    for (const spelling of ['III/c', 'iii/c', 'III c', 'IIIc', 'III-c', ' III/C ', 'III.c']) {
      expect(rankOrdinal(spelling)).toBe(11);
    }
  });

  it('gives an unknown rank ordinal 0, so it never reaches a minimum', () => {
    expect(rankOrdinal('V/a')).toBe(0);
    expect(rankOrdinal('')).toBe(0);
    expect(isRankCode('V/a')).toBe(false);
    expect(isRankCode('IV/a')).toBe(true);
  });

  describe('rankAtLeast', () => {
    it('accepts the minimum and above, refuses below', () => {
      expect(rankAtLeast('III/d', 'III/d')).toBe(true);
      expect(rankAtLeast('IV/a', 'III/d')).toBe(true);
      expect(rankAtLeast('III/c', 'III/d')).toBe(false);
    });

    it('refuses when either rank is unknown', () => {
      expect(rankAtLeast('X/z', 'III/d')).toBe(false);
      expect(rankAtLeast('IV/e', 'X/z')).toBe(false);
    });
  });

  describe('rankBelow', () => {
    it('steps down across a golongan boundary', () => {
      expect(rankBelow('IV/a')).toBe('III/d');
      expect(rankBelow('III/b')).toBe('III/a');
      expect(rankBelow('II/a')).toBe('I/d');
    });

    it('has nothing below I/a or an unknown rank', () => {
      expect(rankBelow('I/a')).toBeUndefined();
      expect(rankBelow('nope')).toBeUndefined();
    });
  });
});
