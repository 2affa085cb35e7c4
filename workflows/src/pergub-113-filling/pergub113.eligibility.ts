import { educationAtLeast } from '../core/reference/education.js';
import { pergubMinimumRank } from '../core/reference/eselon.js';
import { rankAtLeast } from '../core/reference/ranks.js';
import { appraisalPasses } from '../core/reference/skp.js';
import type {
  EligibilityLetter,
  EligibilityOutcome,
  ExperienceKind,
  JabatanClass,
  MappingResult,
  PergubEselon,
  PnsProfile,
} from './pergub113.types.js';

/** What one letter of Pasal 3 or 4 reads: the profile, the post, the date, the mapping if any. */
export type EligibilityInput = {
  profile: PnsProfile;
  post: { eselon: PergubEselon; jabatan: JabatanClass };
  /** The action's date (WITA), `YYYY-MM-DD`: requirements are met as of this day. */
  asOf: string;
  mapping?: MappingResult;
};

export type LetterResult = {
  letter: EligibilityLetter;
  outcome: EligibilityOutcome;
  citation: string;
  reason: string;
};

export type EligibilityCheck = (input: EligibilityInput) => LetterResult;

type Verdict = { outcome: EligibilityOutcome; reason: string };
const pass = (reason: string): Verdict => ({ outcome: 'pass', reason });
const fail = (reason: string): Verdict => ({ outcome: 'fail', reason });
const pending = (reason: string): Verdict => ({ outcome: 'pending', reason });

function letterOf(
  pasal: 3 | 4,
  letter: EligibilityLetter,
  check: (i: EligibilityInput) => Verdict,
) {
  const citation = `Pergub NTT 113/2023 Pasal ${pasal} huruf ${letter}`;
  return (input: EligibilityInput): LetterResult => ({ letter, citation, ...check(input) });
}

const statusPns = ({ profile }: EligibilityInput): Verdict => {
  if (profile.asnStatus === undefined) return pending('status kepegawaian belum tercatat');
  return profile.asnStatus === 'PNS'
    ? pass('berstatus PNS')
    : fail(`berstatus ${profile.asnStatus}`);
};

const integrity = ({ profile, asOf }: EligibilityInput): Verdict => {
  const record = profile.integrity;
  if (record === undefined) return pending('pernyataan integritas belum tercatat');
  if (!record.attested) return fail('integritas dan moralitas tidak dinyatakan baik');
  if (record.sanctionUntil !== undefined && record.sanctionUntil >= asOf) {
    return fail(`sedang menjalani hukuman disiplin sampai ${record.sanctionUntil}`);
  }
  return pass('integritas dan moralitas baik');
};

const pangkat = ({ profile, post }: EligibilityInput): Verdict => {
  const minimum = pergubMinimumRank(post.eselon);
  if (minimum === undefined) return fail(`eselon ${post.eselon} tidak dikenal`);
  if (profile.pangkat === undefined) return pending('pangkat belum tercatat');
  return rankAtLeast(profile.pangkat.code, minimum)
    ? pass(`pangkat ${profile.pangkat.code} >= ${minimum}`)
    : fail(`pangkat ${profile.pangkat.code} di bawah ${minimum} (eselon ${post.eselon})`);
};

const education =
  (minimum: string) =>
  ({ profile }: EligibilityInput): Verdict => {
    if (profile.education === undefined) return pending('pendidikan belum tercatat');
    const { level } = profile.education;
    return educationAtLeast(level, minimum)
      ? pass(`pendidikan ${level} >= ${minimum}`)
      : fail(`pendidikan ${level} di bawah ${minimum}`);
  };

/** Every element at least *baik* in each of the 2 completed years before the action's year. */
const appraisals = ({ profile, asOf }: EligibilityInput): Verdict => {
  const year = Number(asOf.slice(0, 4));
  const years = [year - 2, year - 1];
  const records = years.map((y) => profile.appraisals?.find((r) => r.year === y));
  const failing = years.filter((_, i) => records[i] !== undefined && !appraisalPasses(records[i]));
  if (failing.length > 0) return fail(`penilaian kinerja ${failing.join(', ')} di bawah baik`);
  const missing = years.filter((_, i) => records[i] === undefined);
  if (missing.length > 0) return pending(`penilaian kinerja ${missing.join(', ')} belum tercatat`);
  return pass(`penilaian kinerja ${years.join(' dan ')} paling kurang baik`);
};

const competence = ({ mapping }: EligibilityInput): Verdict => {
  if (mapping === undefined) return pending('menunggu hasil pemetaan kompetensi');
  return mapping.category === 'KMS'
    ? fail(`hasil pemetaan ${mapping.category} (JPM ${mapping.jpm}%)`)
    : pass(`hasil pemetaan ${mapping.category} (JPM ${mapping.jpm}%)`);
};

/** Whole months from `from` to `to` (both `YYYY-MM-DD`), 0 when `to` is not after `from`. */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0));
}

const experience =
  (kinds: readonly ExperienceKind[], years: number, what: string) =>
  ({ profile, asOf }: EligibilityInput): Verdict => {
    if (profile.experience === undefined) return pending('riwayat jabatan belum tercatat');
    const months = profile.experience
      .filter((entry) => entry.relevantField && kinds.includes(entry.kind))
      .reduce((sum, entry) => {
        const end = entry.to !== undefined && entry.to < asOf ? entry.to : asOf;
        return sum + monthsBetween(entry.from, end);
      }, 0);
    return months >= years * 12
      ? pass(`${months} bulan sebagai ${what} sesuai bidang tugas`)
      : fail(`${months} bulan sebagai ${what} sesuai bidang tugas, kurang dari ${years} tahun`);
  };

const health = ({ profile }: EligibilityInput): Verdict => {
  if (profile.health === undefined) return pending('keterangan sehat belum tercatat');
  const { physical, mental } = profile.health;
  if (physical && mental) return pass('sehat jasmani dan rohani');
  return fail(physical ? 'tidak sehat rohani' : 'tidak sehat jasmani');
};

const ADMINISTRATOR_EXPERIENCE: readonly ExperienceKind[] = ['PENGAWAS', 'JF_SETINGKAT_PENGAWAS'];
const PENGAWAS_EXPERIENCE: readonly ExperienceKind[] = ['PELAKSANA', 'JF_SETINGKAT_PELAKSANA'];

// Pasal 3: calon Pejabat Administrator.
export const pasal3a = letterOf(3, 'a', statusPns);
export const pasal3b = letterOf(3, 'b', integrity);
export const pasal3c = letterOf(3, 'c', pangkat);
export const pasal3d = letterOf(3, 'd', education('S1'));
export const pasal3e = letterOf(3, 'e', appraisals);
export const pasal3f = letterOf(3, 'f', competence);
export const pasal3g = letterOf(3, 'g', experience(ADMINISTRATOR_EXPERIENCE, 3, 'Pengawas'));
export const pasal3h = letterOf(3, 'h', health);

// Pasal 4: calon Pejabat Pengawas.
export const pasal4a = letterOf(4, 'a', statusPns);
export const pasal4b = letterOf(4, 'b', integrity);
export const pasal4c = letterOf(4, 'c', pangkat);
export const pasal4d = letterOf(4, 'd', education('D-III'));
export const pasal4e = letterOf(4, 'e', appraisals);
export const pasal4f = letterOf(4, 'f', competence);
export const pasal4g = letterOf(4, 'g', experience(PENGAWAS_EXPERIENCE, 4, 'Pelaksana'));
export const pasal4h = letterOf(4, 'h', health);

export const ELIGIBILITY: Record<JabatanClass, readonly EligibilityCheck[]> = {
  ADMINISTRATOR: [pasal3a, pasal3b, pasal3c, pasal3d, pasal3e, pasal3f, pasal3g, pasal3h],
  PENGAWAS: [pasal4a, pasal4b, pasal4c, pasal4d, pasal4e, pasal4f, pasal4g, pasal4h],
};

/** Every letter of the post's Pasal, a to h. */
export function evaluateEligibility(input: EligibilityInput): LetterResult[] {
  return ELIGIBILITY[input.post.jabatan].map((check) => check(input));
}

/**
 * Fit for the eligible list and for candidacy: no letter fails and none is pending, except huruf f,
 * which only the mapping can settle (Pasal 11). With `requireMapping`, f must pass too.
 */
export function blockingResults(results: readonly LetterResult[], requireMapping = false) {
  return results.filter(
    (r) =>
      r.outcome === 'fail' || (r.outcome === 'pending' && (requireMapping || r.letter !== 'f')),
  );
}
