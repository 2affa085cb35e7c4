import {
  pasal3c,
  pasal3e,
  pasal3g,
  pasal4e,
  pasal4g,
  type EligibilityCheck,
  type LetterResult,
} from './pergub113.eligibility.js';
import { aProfile } from './pergub113.fixtures.js';
import type { ExperienceEntry, PergubEselon, PnsProfile } from './pergub113.types.js';

// Pergub NTT 113/2023 Pasal 3 and 4 at their legal boundaries, on both sides (issue 23: the
// mutants that survived the first mutation run). Given a profile, when a letter is checked on the
// action's date, then its outcome, citation and reason. Action date: Monday 17 March 2025 (WITA).

const AS_OF = '2025-03-17';
const ADMINISTRATOR = { eselon: 'III.b', jabatan: 'ADMINISTRATOR' } as const;
const PENGAWAS = { eselon: 'IV.a', jabatan: 'PENGAWAS' } as const;

const given = (
  profile: PnsProfile,
  post: { eselon: PergubEselon; jabatan: string } = ADMINISTRATOR,
) => ({
  when: (check: EligibilityCheck, asOf = AS_OF): LetterResult =>
    check({ profile, post: post as typeof ADMINISTRATOR, asOf }),
});

const administrator = (overrides: Partial<PnsProfile>) => aProfile(1, overrides);
const pengawas = (overrides: Partial<PnsProfile>) => aProfile(11, overrides, true);
const served = (...entries: ExperienceEntry[]) => ({ experience: entries });

describe('Pasal 3 huruf g: 3 years as Pengawas (or JF setingkat) in the field, counted to the action date', () => {
  const citation = 'Pergub NTT 113/2023 Pasal 3 huruf g';

  describe('given a past Pengawas post whose end date cuts the count', () => {
    it('when it ended the day before the action and lasted exactly 36 months, then huruf g passes', () => {
      const result = given(
        administrator(
          served({ kind: 'PENGAWAS', from: '2022-03-16', to: '2025-03-16', relevantField: true }),
        ),
      ).when(pasal3g);
      expect(result).toEqual({
        letter: 'g',
        outcome: 'pass',
        citation,
        reason: '36 bulan sebagai Pengawas sesuai bidang tugas',
      });
    });

    it('when it ended the day before the action one day short of 36 months, then huruf g fails at 35', () => {
      // Counted to the action date instead of the end date, this would be 36 months.
      const result = given(
        administrator(
          served({ kind: 'PENGAWAS', from: '2022-03-17', to: '2025-03-16', relevantField: true }),
        ),
      ).when(pasal3g);
      expect(result).toEqual({
        letter: 'g',
        outcome: 'fail',
        citation,
        reason: '35 bulan sebagai Pengawas sesuai bidang tugas, kurang dari 3 tahun',
      });
    });

    it('when it ended a year before the action, then only its own 24 months count', () => {
      const result = given(
        administrator(
          served({ kind: 'PENGAWAS', from: '2022-03-17', to: '2024-03-17', relevantField: true }),
        ),
      ).when(pasal3g);
      expect(result).toMatchObject({
        outcome: 'fail',
        citation,
        reason: expect.stringContaining('24 bulan'),
      });
    });

    it('when it ends on the action date itself, then it counts up to that day (36 months pass)', () => {
      const result = given(
        administrator(
          served({ kind: 'PENGAWAS', from: '2022-03-17', to: AS_OF, relevantField: true }),
        ),
      ).when(pasal3g);
      expect(result).toMatchObject({
        outcome: 'pass',
        citation,
        reason: expect.stringContaining('36 bulan'),
      });
    });
  });

  describe('given a Pengawas post that ends after the action date', () => {
    it('when it began 35 months before the action, then the months after the action do not count', () => {
      const result = given(
        administrator(
          served({ kind: 'PENGAWAS', from: '2022-04-17', to: '2026-12-31', relevantField: true }),
        ),
      ).when(pasal3g);
      expect(result).toEqual({
        letter: 'g',
        outcome: 'fail',
        citation,
        reason: '35 bulan sebagai Pengawas sesuai bidang tugas, kurang dari 3 tahun',
      });
    });

    it('when it began 36 months before the action, then huruf g passes', () => {
      const result = given(
        administrator(
          served({ kind: 'PENGAWAS', from: '2022-03-17', to: '2026-12-31', relevantField: true }),
        ),
      ).when(pasal3g);
      expect(result).toMatchObject({
        outcome: 'pass',
        citation,
        reason: expect.stringContaining('36 bulan'),
      });
    });
  });

  describe('given a functional post at Pengawas level (JF setingkat Pengawas)', () => {
    it.each([
      ['the day before', '2022-03-16', 'pass', 36],
      ['the day of', '2022-03-17', 'pass', 36],
      ['the day after', '2022-03-18', 'fail', 35],
    ] as const)(
      'when it began 3 years before the action (%s), then huruf g is %s with %i months',
      (_, from, outcome, months) => {
        const result = given(
          administrator(served({ kind: 'JF_SETINGKAT_PENGAWAS', from, relevantField: true })),
        ).when(pasal3g);
        expect(result).toMatchObject({ letter: 'g', outcome, citation });
        expect(result.reason).toContain(`${months} bulan sebagai Pengawas`);
      },
    );
  });

  it('given two past posts, when both count, then their months add up to the 3 years', () => {
    const result = given(
      administrator(
        served(
          { kind: 'PENGAWAS', from: '2020-01-01', to: '2021-07-01', relevantField: true },
          { kind: 'JF_SETINGKAT_PENGAWAS', from: '2023-09-17', relevantField: true },
        ),
      ),
    ).when(pasal3g);
    expect(result).toMatchObject({
      outcome: 'pass',
      citation,
      reason: '36 bulan sebagai Pengawas sesuai bidang tugas',
    });
  });

  it('given a Pelaksana post of 10 years, when Pasal 3 huruf g is checked, then it does not count', () => {
    const result = given(
      administrator(served({ kind: 'PELAKSANA', from: '2015-01-01', relevantField: true })),
    ).when(pasal3g);
    expect(result).toMatchObject({
      outcome: 'fail',
      citation,
      reason: expect.stringContaining('0 bulan'),
    });
  });
});

describe('Pasal 4 huruf g: 4 years as Pelaksana (or JF setingkat) in the field', () => {
  const citation = 'Pergub NTT 113/2023 Pasal 4 huruf g';

  it.each([
    ['PELAKSANA', 'the day before', '2021-03-16', 'pass', 48],
    ['PELAKSANA', 'the day of', '2021-03-17', 'pass', 48],
    ['PELAKSANA', 'the day after', '2021-03-18', 'fail', 47],
    ['JF_SETINGKAT_PELAKSANA', 'the day before', '2021-03-16', 'pass', 48],
    ['JF_SETINGKAT_PELAKSANA', 'the day of', '2021-03-17', 'pass', 48],
    ['JF_SETINGKAT_PELAKSANA', 'the day after', '2021-03-18', 'fail', 47],
  ] as const)(
    'given a %s post begun 4 years before the action (%s), when huruf g is checked, then it is %s with %i months',
    (kind, _, from, outcome, months) => {
      const result = given(pengawas(served({ kind, from, relevantField: true })), PENGAWAS).when(
        pasal4g,
      );
      expect(result).toMatchObject({ letter: 'g', outcome, citation });
      expect(result.reason).toBe(
        outcome === 'pass'
          ? `${months} bulan sebagai Pelaksana sesuai bidang tugas`
          : `${months} bulan sebagai Pelaksana sesuai bidang tugas, kurang dari 4 tahun`,
      );
    },
  );

  it('given a JF setingkat Pelaksana post outside the field, when huruf g is checked, then it does not count', () => {
    const result = given(
      pengawas(
        served({ kind: 'JF_SETINGKAT_PELAKSANA', from: '2010-01-01', relevantField: false }),
      ),
      PENGAWAS,
    ).when(pasal4g);
    expect(result).toMatchObject({
      outcome: 'fail',
      citation,
      reason: expect.stringContaining('0 bulan'),
    });
  });
});

describe('Pasal 3 and 4 huruf e: SKP at least baik in each of the 2 years before the action year', () => {
  const bad2022 = { year: 2022, regime: 'PermenPANRB6/2022', predikat: 'Butuh Perbaikan' } as const;
  const good2023 = { year: 2023, regime: 'PermenPANRB6/2022', predikat: 'Baik' } as const;
  const good2024 = { year: 2024, regime: 'PermenPANRB6/2022', predikat: 'Sangat Baik' } as const;
  const bad2024 = { year: 2024, regime: 'PermenPANRB6/2022', predikat: 'Butuh Perbaikan' } as const;

  it.each([
    [3, pasal3e, administrator],
    [4, pasal4e, pengawas],
  ] as const)(
    'given a bad 2022 appraisal, one year too old, before good 2023 and 2024 ones, when Pasal %i huruf e is checked in 2025, then it is ignored and e passes',
    (pasal, check, profileOf) => {
      const result = given(profileOf({ appraisals: [bad2022, good2023, good2024] })).when(check);
      expect(result).toEqual({
        letter: 'e',
        outcome: 'pass',
        citation: `Pergub NTT 113/2023 Pasal ${pasal} huruf e`,
        reason: 'penilaian kinerja 2023 dan 2024 paling kurang baik',
      });
    },
  );

  it('given good 2022 and 2024 appraisals only, when huruf e is checked in 2025, then 2023 is missing and e is pending', () => {
    const result = given(
      administrator({ appraisals: [good2024, { ...good2023, year: 2022 }] }),
    ).when(pasal3e);
    expect(result).toEqual({
      letter: 'e',
      outcome: 'pending',
      citation: 'Pergub NTT 113/2023 Pasal 3 huruf e',
      reason: 'penilaian kinerja 2023 belum tercatat',
    });
  });

  it('given no appraisal at all, when huruf e is checked, then both years are named as missing', () => {
    const result = given(administrator({ appraisals: [] })).when(pasal3e);
    expect(result).toMatchObject({
      outcome: 'pending',
      reason: 'penilaian kinerja 2023, 2024 belum tercatat',
    });
  });

  it('given a bad 2024 appraisal, when huruf e is checked in 2025, then it fails naming 2024', () => {
    const result = given(administrator({ appraisals: [good2023, bad2024] })).when(pasal3e);
    expect(result).toEqual({
      letter: 'e',
      outcome: 'fail',
      citation: 'Pergub NTT 113/2023 Pasal 3 huruf e',
      reason: 'penilaian kinerja 2024 di bawah baik',
    });
  });

  it('given bad 2023 and 2024 appraisals, when huruf e is checked in 2025, then it fails naming both years', () => {
    const result = given(administrator({ appraisals: [{ ...bad2024, year: 2023 }, bad2024] })).when(
      pasal3e,
    );
    expect(result).toMatchObject({
      outcome: 'fail',
      reason: 'penilaian kinerja 2023, 2024 di bawah baik',
    });
  });

  it('given a bad 2024 appraisal and no 2023 one, when huruf e is checked, then the failure wins over the gap', () => {
    const result = given(administrator({ appraisals: [bad2024] })).when(pasal3e);
    expect(result).toMatchObject({
      outcome: 'fail',
      reason: 'penilaian kinerja 2024 di bawah baik',
    });
  });

  it('given the same appraisals, when huruf e is checked on 1 January 2026, then 2024 and 2025 count instead', () => {
    const result = given(administrator({ appraisals: [good2023, good2024] })).when(
      pasal3e,
      '2026-01-01',
    );
    expect(result).toMatchObject({
      outcome: 'pending',
      reason: 'penilaian kinerja 2025 belum tercatat',
    });
  });
});

describe('Pasal 3 huruf c: the minimum pangkat of the post’s eselon', () => {
  it('given a post whose eselon has no jenjang pangkat, when huruf c is checked, then it fails naming the eselon', () => {
    const result = given(administrator({}), {
      eselon: 'X.z' as PergubEselon,
      jabatan: 'ADMINISTRATOR',
    }).when(pasal3c);
    expect(result).toEqual({
      letter: 'c',
      outcome: 'fail',
      citation: 'Pergub NTT 113/2023 Pasal 3 huruf c',
      reason: 'eselon X.z tidak dikenal',
    });
  });
});
