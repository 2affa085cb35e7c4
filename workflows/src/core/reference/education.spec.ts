import {
  EDUCATION_LEVELS,
  educationAtLeast,
  educationRank,
  findEducationLevel,
} from './education.js';

describe('education order', () => {
  it('orders SD < SMP < SMA/SMK < D-I < D-II < D-III < D-IV = S1 < Profesi < S2 < S3', () => {
    const ranks = [
      'SD',
      'SMP',
      'SMA/SMK',
      'D-I',
      'D-II',
      'D-III',
      'D-IV',
      'S1',
      'Profesi',
      'S2',
      'S3',
    ].map(educationRank);
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10]);
    expect(EDUCATION_LEVELS).toHaveLength(12); // the 11 levels and Sarjana Muda (setara D-III)
  });

  it('has a source on every row, and the D-IV row cites the equivalence', () => {
    for (const row of EDUCATION_LEVELS) expect(row.source).not.toHaveLength(0);
    expect(findEducationLevel('D-IV')?.source).toMatch(/Pergub NTT 113\/2023 Pasal 3 huruf d/);
  });

  it('reads other spellings', () => {
    expect(findEducationLevel('DIV')?.level).toBe('D-IV');
    expect(findEducationLevel('d iv')?.level).toBe('D-IV');
    expect(findEducationLevel('D4')?.level).toBe('D-IV');
    expect(findEducationLevel('S-1')?.level).toBe('S1');
    expect(findEducationLevel('SMK')?.level).toBe('SMA/SMK');
    expect(findEducationLevel('magister')?.level).toBe('S2');
    expect(findEducationLevel('Paket C')).toBeUndefined();
    expect(educationRank('Paket C')).toBe(0);
  });

  describe('educationAtLeast', () => {
    it('counts D-IV as S1 both ways (Pergub Pasal 3 huruf d)', () => {
      expect(educationAtLeast('D-IV', 'S1')).toBe(true);
      expect(educationAtLeast('S1', 'D-IV')).toBe(true);
    });

    it('refuses D-III for S1 and accepts it for D-III (Pasal 4 huruf d)', () => {
      expect(educationAtLeast('D-III', 'S1')).toBe(false);
      expect(educationAtLeast('D-III', 'D-III')).toBe(true);
      expect(educationAtLeast('S2', 'D-III')).toBe(true);
    });

    it('refuses when either level is unknown', () => {
      expect(educationAtLeast('Paket C', 'SMA/SMK')).toBe(false);
      expect(educationAtLeast('S3', 'unknown')).toBe(false);
    });
  });

  it('counts Sarjana Muda as D-III or equivalent (Pergub Pasal 4 huruf d), below S1', () => {
    expect(educationAtLeast('Sarjana Muda', 'D-III')).toBe(true);
    expect(educationAtLeast('sarmud', 'D-III')).toBe(true);
    expect(educationAtLeast('Sarjana Muda', 'S1')).toBe(false);
    expect(findEducationLevel('Sarjana Muda')?.source).toMatch(/Pasal 4 huruf d/);
  });
});
