/** Performance appraisal (SKP) regimes: a year's record carries the regime it was made under. */
export type SkpRegime = 'PP46/2011' | 'PP30/2019' | 'PermenPANRB6/2022';

export type AppraisalRecord =
  | { year: number; regime: 'PP46/2011'; elements: number[] }
  | { year: number; regime: 'PP30/2019' | 'PermenPANRB6/2022'; predikat: string };

export type SkpRegimeRow =
  | {
      readonly regime: SkpRegime;
      readonly kind: 'numeric';
      /** Every element must be at least this (nilai *baik*). */
      readonly minimumElement: number;
      readonly source: string;
    }
  | {
      readonly regime: SkpRegime;
      readonly kind: 'predikat';
      /** The ratings, best first, and those that pass. */
      readonly predikat: readonly string[];
      readonly passing: readonly string[];
      readonly source: string;
    };

export const SKP_REGIMES: readonly SkpRegimeRow[] = [
  {
    regime: 'PP46/2011',
    kind: 'numeric',
    minimumElement: 76,
    source:
      'PP 46/2011 Pasal 17 ayat (2): baik = nilai 76-90, sangat baik = 91 ke atas (penilaian tahun sebelum PP 30/2019 menggantinya)',
  },
  {
    regime: 'PP30/2019',
    kind: 'predikat',
    predikat: ['Sangat Baik', 'Baik', 'Cukup', 'Kurang', 'Sangat Kurang'],
    passing: ['Sangat Baik', 'Baik'],
    source: 'PP 30/2019 Pasal 41 ayat (5): Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang',
  },
  {
    regime: 'PermenPANRB6/2022',
    kind: 'predikat',
    predikat: ['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang', 'Sangat Kurang'],
    passing: ['Sangat Baik', 'Baik'],
    source:
      'PermenPAN-RB 6/2022 (predikat kinerja pegawai, penilaian sejak 2023) jo PP 30/2019 Pasal 41 ayat (5)',
  },
];

export function skpRegime(regime: SkpRegime): SkpRegimeRow | undefined {
  return SKP_REGIMES.find((row) => row.regime === regime);
}

const squash = (value: string) => value.trim().toUpperCase().replace(/\s+/g, ' ');

/**
 * One year's appraisal is at least *baik* under its own regime: PP 46/2011 every element >= 76
 * (and at least one element); PP 30/2019 and PermenPAN-RB 6/2022 predikat Sangat Baik or Baik.
 * An unknown regime or predikat does not pass.
 */
export function appraisalPasses(record: AppraisalRecord): boolean {
  const row = skpRegime(record.regime);
  if (!row) return false;
  if (row.kind === 'numeric') {
    const elements = 'elements' in record ? record.elements : [];
    return elements.length > 0 && elements.every((value) => value >= row.minimumElement);
  }
  const predikat = 'predikat' in record ? record.predikat : '';
  return row.passing.some((passing) => squash(passing) === squash(predikat));
}
