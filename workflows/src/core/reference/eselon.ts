import { findRank, rankBelow } from './ranks.js';

/** The rank range (jenjang pangkat) of a structural eselon (docs/domain.md §2). */
export type EselonRange = {
  readonly eselon: string;
  readonly min: string;
  readonly max: string;
  readonly source: string;
};

const PP_13_2002 = 'PP 100/2000 Pasal 5 jo PP 13/2002, Lampiran (jenjang pangkat eselon)';

const range = (eselon: string, min: string, max: string): EselonRange => ({
  eselon,
  min,
  max,
  source: PP_13_2002,
});

export const ESELON_RANGES: readonly EselonRange[] = [
  range('I.a', 'IV/d', 'IV/e'),
  range('I.b', 'IV/c', 'IV/e'),
  range('II.a', 'IV/c', 'IV/d'),
  range('II.b', 'IV/b', 'IV/c'),
  range('III.a', 'IV/a', 'IV/b'),
  range('III.b', 'III/d', 'IV/a'),
  range('IV.a', 'III/c', 'III/d'),
  range('IV.b', 'III/b', 'III/c'),
  range('V.a', 'III/a', 'III/b'),
];

/** Pergub NTT 113/2023 Pasal 3 and 4 huruf c: the minimum is one step below the jenjang pangkat. */
export const PERGUB_MINIMUM_RANK_CITATION =
  'Pergub NTT 113/2023 Pasal 3 huruf c dan Pasal 4 huruf c jo PP 100/2000 Pasal 5 jo PP 13/2002';

/** Accepts `III.a`, `III a`, `IIIa`, `iii.a`. */
function normalizeEselon(eselon: string): string {
  const match = /^\s*(V|IV|III|II|I)\s*[.\-/ ]?\s*([ab])\s*$/i.exec(eselon);
  return match ? `${match[1]!.toUpperCase()}.${match[2]!.toLowerCase()}` : eselon;
}

export function eselonRange(eselon: string): EselonRange | undefined {
  const normalized = normalizeEselon(eselon);
  return ESELON_RANGES.find((row) => row.eselon === normalized);
}

/** One step below the lowest rank of a range given explicitly (a post stored with its own range). */
export function minimumRankBelow(lowestRank: string): string | undefined {
  return findRank(lowestRank) ? rankBelow(lowestRank) : undefined;
}

/**
 * The lowest rank the Pergub accepts for a post of this eselon: one step below its jenjang
 * pangkat (III.a -> III/d, III.b -> III/c, IV.a -> III/b, IV.b -> III/a). Undefined when unknown.
 */
export function pergubMinimumRank(eselon: string): string | undefined {
  const row = eselonRange(eselon);
  return row ? minimumRankBelow(row.min) : undefined;
}
