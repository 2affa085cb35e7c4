import { educationRank } from '../core/reference/education.js';
import { rankOrdinal } from '../core/reference/ranks.js';
import type { LeadershipTraining, PnsProfile } from './pergub113.types.js';

/** docs/domain.md §4: the list of Pasal 10 huruf a is ordered by *daftar urut kepangkatan*. */
export const DUK_CITATION =
  'PP 15/1979 tentang Daftar Urut Kepangkatan PNS; SE Kepala BAKN 03/SE/1980';

/** Leadership training levels, highest first (tie-breaker 5 of the DUK). */
export const LEADERSHIP_TRAININGS: readonly {
  level: LeadershipTraining['level'];
  ordinal: number;
  source: string;
}[] = [
  {
    level: 'PKN_I',
    ordinal: 4,
    source: 'Peraturan LAN 10/2018: PKN Tingkat I (dahulu Diklatpim I)',
  },
  {
    level: 'PKN_II',
    ordinal: 3,
    source: 'Peraturan LAN 10/2018: PKN Tingkat II (dahulu Diklatpim II)',
  },
  { level: 'PKA', ordinal: 2, source: 'Peraturan LAN 10/2018: PKA (dahulu Diklatpim III)' },
  { level: 'PKP', ordinal: 1, source: 'Peraturan LAN 10/2018: PKP (dahulu Diklatpim IV)' },
];

/** Structural posts, highest first (tie-breaker 3 of the DUK: higher *jabatan*). */
const ESELON_ORDER = ['I.a', 'I.b', 'II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b', 'V.a'];
const eselonOrdinal = (eselon: string | undefined) =>
  eselon === undefined || !ESELON_ORDER.includes(eselon)
    ? 0
    : ESELON_ORDER.length - ESELON_ORDER.indexOf(eselon);
const trainingOrdinal = (training: LeadershipTraining | undefined) =>
  LEADERSHIP_TRAININGS.find((row) => row.level === training?.level)?.ordinal ?? 0;

/** Higher first; a missing value counts as lowest. */
const higher = (a: number, b: number) => b - a;
/** Earlier date first; a missing date goes last. */
const earlier = (a: string | undefined, b: string | undefined) => {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
};

type Criterion = (a: PnsProfile, b: PnsProfile) => number;

/**
 * The DUK criteria in order (PP 15/1979): higher pangkat; earlier TMT of that pangkat; higher
 * jabatan (then earlier in it); longer masa kerja; leadership training (higher, then passed
 * earlier); higher education; older. Equal on all of them: NIP, so the order is total [DEF].
 */
export const DUK_CRITERIA: readonly Criterion[] = [
  (a, b) => higher(rankOrdinal(a.pangkat?.code ?? ''), rankOrdinal(b.pangkat?.code ?? '')),
  (a, b) => earlier(a.pangkat?.tmt, b.pangkat?.tmt),
  (a, b) => higher(eselonOrdinal(a.jabatan?.eselon), eselonOrdinal(b.jabatan?.eselon)),
  (a, b) => earlier(a.jabatan?.since, b.jabatan?.since),
  (a, b) => higher(a.masaKerjaMonths ?? 0, b.masaKerjaMonths ?? 0),
  (a, b) => higher(trainingOrdinal(a.leadershipTraining), trainingOrdinal(b.leadershipTraining)),
  (a, b) => earlier(a.leadershipTraining?.passedOn, b.leadershipTraining?.passedOn),
  (a, b) =>
    higher(educationRank(a.education?.level ?? ''), educationRank(b.education?.level ?? '')),
  (a, b) => earlier(a.birthDate, b.birthDate),
  (a, b) => (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0),
];

/** Negative when `a` stands above `b` in the DUK. */
export function compareDuk(a: PnsProfile, b: PnsProfile): number {
  for (const criterion of DUK_CRITERIA) {
    const order = criterion(a, b);
    if (order !== 0) return order;
  }
  return 0;
}

/** The profiles in DUK order (a new array). */
export function orderByDuk<P extends PnsProfile>(profiles: readonly P[]): P[] {
  return [...profiles].sort(compareDuk);
}
