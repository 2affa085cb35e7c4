/** Education levels in order (docs/domain.md §2): equal `rank` means equivalent (D-IV = S1). */
export type EducationRow = {
  readonly level: string;
  readonly rank: number;
  readonly aliases: readonly string[];
  readonly source: string;
};

const SISDIKNAS = 'UU 20/2003 (Sisdiknas) Pasal 14-19; UU 12/2012 (Pendidikan Tinggi) Pasal 15-21';
const D4_EQUALS_S1 =
  'D-IV setara sarjana: Pergub NTT 113/2023 Pasal 3 huruf d; PP 17/2020 Pasal 107 ayat (1) huruf c';

/** "D-III atau yang setara" (Pergub NTT 113/2023 Pasal 4 huruf d): the equivalents jejak accepts. */
const SETARA_D3 =
  'Pergub NTT 113/2023 Pasal 4 huruf d (D-III atau yang setara); Sarjana Muda setara D-III [UNVERIFIED: naskah penyetaraan ijazah]';

export const EDUCATION_LEVELS: readonly EducationRow[] = [
  { level: 'SD', rank: 1, aliases: ['SEKOLAH DASAR'], source: SISDIKNAS },
  { level: 'SMP', rank: 2, aliases: ['SLTP', 'MTS'], source: SISDIKNAS },
  { level: 'SMA/SMK', rank: 3, aliases: ['SMA', 'SMK', 'SLTA', 'MA'], source: SISDIKNAS },
  { level: 'D-I', rank: 4, aliases: ['D1'], source: SISDIKNAS },
  { level: 'D-II', rank: 5, aliases: ['D2'], source: SISDIKNAS },
  { level: 'D-III', rank: 6, aliases: ['D3'], source: SISDIKNAS },
  {
    level: 'Sarjana Muda',
    rank: 6,
    aliases: ['SARMUD', 'BACHELOR OF ARTS (SARJANA MUDA)'],
    source: SETARA_D3,
  },
  { level: 'D-IV', rank: 7, aliases: ['D4', 'SARJANA TERAPAN'], source: D4_EQUALS_S1 },
  { level: 'S1', rank: 7, aliases: ['SARJANA'], source: SISDIKNAS },
  { level: 'Profesi', rank: 8, aliases: ['PROFESI', 'PENDIDIKAN PROFESI'], source: SISDIKNAS },
  { level: 'S2', rank: 9, aliases: ['MAGISTER'], source: SISDIKNAS },
  { level: 'S3', rank: 10, aliases: ['DOKTOR'], source: SISDIKNAS },
];

/** Compares spellings without case, spaces, dots or hyphens: `D-IV`, `DIV`, `d iv`, `S-1`. */
const squash = (value: string) => value.toUpperCase().replace(/[\s.-]/g, '');

export function findEducationLevel(level: string): EducationRow | undefined {
  const key = squash(level);
  return EDUCATION_LEVELS.find(
    (row) => squash(row.level) === key || row.aliases.some((alias) => squash(alias) === key),
  );
}

/** The level's place in the order; 0 when unknown, so "at least" fails closed. */
export function educationRank(level: string): number {
  return findEducationLevel(level)?.rank ?? 0;
}

/** `level` is `min` or higher (D-IV counts as S1); false when either is unknown. */
export function educationAtLeast(level: string, min: string): boolean {
  const minimum = educationRank(min);
  return minimum > 0 && educationRank(level) >= minimum;
}
