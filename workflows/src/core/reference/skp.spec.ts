import { SKP_REGIMES, appraisalPasses, skpRegime, type AppraisalRecord } from './skp.js';

describe('SKP regimes', () => {
  it('knows the three regimes, each with a source', () => {
    expect(SKP_REGIMES.map((row) => row.regime)).toEqual([
      'PP46/2011',
      'PP30/2019',
      'PermenPANRB6/2022',
    ]);
    for (const row of SKP_REGIMES) expect(row.source).not.toHaveLength(0);
    expect(skpRegime('PP30/2019')?.source).toMatch(/PP 30\/2019 Pasal 41/);
  });

  describe('PP 46/2011 (numeric elements)', () => {
    const numeric = (elements: number[]): AppraisalRecord => ({
      year: 2021,
      regime: 'PP46/2011',
      elements,
    });

    it('passes when every element is at least 76 (baik)', () => {
      expect(appraisalPasses(numeric([76, 80, 91]))).toBe(true);
    });

    it('fails when one element is below 76', () => {
      expect(appraisalPasses(numeric([90, 75.99, 88]))).toBe(false);
    });

    it('fails with no element recorded', () => {
      expect(appraisalPasses(numeric([]))).toBe(false);
    });
  });

  describe.each(['PP30/2019', 'PermenPANRB6/2022'] as const)('%s (predikat)', (regime) => {
    const rated = (predikat: string): AppraisalRecord => ({ year: 2023, regime, predikat });

    it('passes Sangat Baik and Baik, in any case and spacing', () => {
      expect(appraisalPasses(rated('Sangat Baik'))).toBe(true);
      expect(appraisalPasses(rated('Baik'))).toBe(true);
      expect(appraisalPasses(rated(' sangat  baik '))).toBe(true);
    });

    it.each(['Butuh Perbaikan', 'Cukup', 'Kurang', 'Sangat Kurang', ''])('fails %j', (predikat) => {
      expect(appraisalPasses(rated(predikat))).toBe(false);
    });
  });

  it('fails a record whose shape does not match its regime', () => {
    const numericAsPredikat = {
      year: 2019,
      regime: 'PP46/2011',
      predikat: 'Baik',
    } as unknown as AppraisalRecord;
    const predikatAsNumeric = {
      year: 2023,
      regime: 'PP30/2019',
      elements: [90],
    } as unknown as AppraisalRecord;
    expect(appraisalPasses(numericAsPredikat)).toBe(false);
    expect(appraisalPasses(predikatAsNumeric)).toBe(false);
  });

  it('fails a record of an unknown regime', () => {
    const record = {
      year: 2010,
      regime: 'PP10/1979',
      predikat: 'Baik',
    } as unknown as AppraisalRecord;
    expect(appraisalPasses(record)).toBe(false);
  });
});
