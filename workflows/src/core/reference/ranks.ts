/** The civil-service rank ladder (golongan/ruang), ordinal 1..17 (docs/domain.md §2). */
export type RankRow = {
  readonly code: string;
  readonly ordinal: number;
  readonly name: string;
  readonly source: string;
};

const PP_99_2000 = 'PP 99/2000 jo PP 12/2002 tentang Kenaikan Pangkat PNS, Lampiran I';

const row = (code: string, ordinal: number, name: string): RankRow => ({
  code,
  ordinal,
  name,
  source: PP_99_2000,
});

export const RANKS: readonly RankRow[] = [
  row('I/a', 1, 'Juru Muda'),
  row('I/b', 2, 'Juru Muda Tingkat I'),
  row('I/c', 3, 'Juru'),
  row('I/d', 4, 'Juru Tingkat I'),
  row('II/a', 5, 'Pengatur Muda'),
  row('II/b', 6, 'Pengatur Muda Tingkat I'),
  row('II/c', 7, 'Pengatur'),
  row('II/d', 8, 'Pengatur Tingkat I'),
  row('III/a', 9, 'Penata Muda'),
  row('III/b', 10, 'Penata Muda Tingkat I'),
  row('III/c', 11, 'Penata'),
  row('III/d', 12, 'Penata Tingkat I'),
  row('IV/a', 13, 'Pembina'),
  row('IV/b', 14, 'Pembina Tingkat I'),
  row('IV/c', 15, 'Pembina Utama Muda'),
  row('IV/d', 16, 'Pembina Utama Madya'),
  row('IV/e', 17, 'Pembina Utama'),
];

/** Accepts `III/a`, `iii/a`, `III a`, `IIIa`, `III-a`: the spellings found in decrees. */
function normalizeRank(code: string): string {
  const match = /^\s*(IV|III|II|I)\s*[/\-. ]?\s*([a-e])\s*$/i.exec(code);
  return match ? `${match[1]!.toUpperCase()}/${match[2]!.toLowerCase()}` : code;
}

export function findRank(code: string): RankRow | undefined {
  const normalized = normalizeRank(code);
  return RANKS.find((rank) => rank.code === normalized);
}

export function isRankCode(code: string): boolean {
  return findRank(code) !== undefined;
}

/**
 * The rank's place on the ladder (1 = I/a ... 17 = IV/e). An unknown code is 0, below every rank,
 * so a comparison "at least X" fails closed instead of throwing inside a rule.
 */
export function rankOrdinal(code: string): number {
  return findRank(code)?.ordinal ?? 0;
}

/** `rank` is `minimum` or higher; false when either is unknown. */
export function rankAtLeast(rank: string, minimum: string): boolean {
  const min = rankOrdinal(minimum);
  return min > 0 && rankOrdinal(rank) >= min;
}

/** The rank one step down the ladder (`IV/a` -> `III/d`); undefined below I/a or when unknown. */
export function rankBelow(code: string): string | undefined {
  const ordinal = rankOrdinal(code);
  return RANKS.find((rank) => rank.ordinal === ordinal - 1 && ordinal > 1)?.code;
}
