import type { Person, RecordedDocument } from '../core/types.js';
import type { PpkStatus } from '../core/mendagri.js';
import type { PilkadaSchedule } from '../core/reference/pilkada.js';
import type { AppraisalRecord } from '../core/reference/skp.js';

export const PERGUB113_KIND = 'pergub-113-filling';

/** The stages of a filling round, in order (docs/domain.md §4); each is a state of the machine. */
export const PERGUB113_STAGES = [
  'constitutingTpk',
  'inventory',
  'administrativeSelection',
  'mapping',
  'trackRecord',
  'reportedToPpk',
  'ppkChoice',
  'inauguration',
] as const;
export type Pergub113Stage = (typeof PERGUB113_STAGES)[number];

/** Administrator posts are eselon III, Pengawas posts eselon IV (UU 5/2014 Pasal 131). */
export type JabatanClass = 'ADMINISTRATOR' | 'PENGAWAS';
export type PergubEselon = 'III.a' | 'III.b' | 'IV.a' | 'IV.b';

/** A post as inventoried by the Sekretariat TPK (Pasal 9 ayat (1)). */
export type PergubVacancyInput = {
  vacancyId: string;
  title: string;
  unit: string;
  eselon: PergubEselon;
  jabatan: JabatanClass;
  status: 'LOWONG' | 'AKAN_LOWONG';
  /** TMT of the vacancy, required when `AKAN_LOWONG`. */
  tmt?: string;
};

/** A TPK seat of Pasal 5 ayat (4) huruf a–d. */
export type TpkSeat = 'SEKDA' | 'BKD' | 'INSPEKTORAT' | 'PPT_TERKAIT';
export type TpkMember = Person & { position: string; covers: TpkSeat[] };

/** A member of the Sekretariat TPK (Pasal 7 ayat (2)). */
export type SekretariatMember = Person & {
  position:
    'KEPALA_BIDANG_PENGEMBANGAN_KARIER' | 'ANALIS_KEPEGAWAIAN' | 'FUNGSIONAL_LAIN' | 'PELAKSANA';
  atBkd: boolean;
  coordinator: boolean;
};

/** Kinds of prior positions that count for Pasal 3 huruf g and Pasal 4 huruf g. */
export type ExperienceKind =
  | 'ADMINISTRATOR'
  | 'JF_SETINGKAT_ADMINISTRATOR'
  | 'PENGAWAS'
  | 'JF_SETINGKAT_PENGAWAS'
  | 'PELAKSANA'
  | 'JF_SETINGKAT_PELAKSANA';
export type ExperienceEntry = {
  kind: ExperienceKind;
  from: string;
  /** Absent while still in the position. */
  to?: string;
  /** Whether the position's field matches the post's (Pasal 3 huruf g, Pasal 4 huruf g). */
  relevantField: boolean;
};

export type LeadershipTraining = { level: 'PKN_I' | 'PKN_II' | 'PKA' | 'PKP'; passedOn: string };

/**
 * A PNS profile as the Sekretariat TPK reads it from the personnel records (Pasal 10 huruf a). A
 * missing field makes the letter it serves `pending`, never `pass`.
 */
export type PnsProfile = Person & {
  birthDate?: string;
  asnStatus?: 'PNS' | 'CPNS' | 'PPPK';
  integrity?: { attested: boolean; sanctionUntil?: string };
  pangkat?: { code: string; tmt: string };
  education?: { level: string };
  appraisals?: AppraisalRecord[];
  experience?: ExperienceEntry[];
  health?: { physical: boolean; mental: boolean };
  /** The current structural post's eselon (DUK: higher *jabatan* first). */
  jabatan?: { eselon: string; since: string };
  /** *Masa kerja* counted for salary, in months (DUK). */
  masaKerjaMonths?: number;
  leadershipTraining?: LeadershipTraining;
};

/** The Assessment Center's result for one candidate (Pasal 11 ayat (2)–(3)). */
export type MappingResult = {
  /** *Job Person Match* in percent. */
  jpm: number;
  category: 'MS' | 'MMS' | 'KMS';
};

export type TrackRecordSource = 'ATASAN' | 'REKAN_SEJAWAT' | 'BAWAHAN';
export type TrackRecordInput = { source: TrackRecordSource; respondent: Person; summary: string };

/** The PPK's status from a date on (docs/domain.md §5), with the holder's name when known. */
export type PpkStatusEntry = PpkStatus & { name?: string };

export type PergubVacancyStatus =
  | 'open'
  | 'listed'
  | 'candidatesSet'
  | 'shortlisted'
  | 'chosen'
  | 'decreed'
  | 'filled'
  | 'cancelled';

export type EligibilityOutcome = 'pass' | 'fail' | 'pending';
export type EligibilityLetter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h';

/** One row of the eligible list, in DUK order. */
export type EligibleEntry = { nip: string; name: string; dukRank: number };

export type PergubVacancy = PergubVacancyInput & {
  subStatus: PergubVacancyStatus;
  /** Every profile screened for this post, with its verdict. */
  screened: { nip: string; eligible: boolean }[];
  eligibleList: EligibleEntry[];
  candidates: string[];
  shortlist: string[];
  chosen: string | null;
  /** When the PPK's choice took effect (its `occurredAt`). */
  chosenOn?: string;
  decree: RecordedDocument | null;
  inauguration: { date: string; approvalRequired: boolean; reportDueOn: string | null } | null;
  reportedToMendagri: RecordedDocument | null;
  cancelReason: string | null;
};

export type PergubContext = {
  selectionId: string;
  title: string;
  /** The Pilkada cycles of docs/domain.md §5, as recorded when the round was opened. */
  pilkada: PilkadaSchedule[];
  tpk: { decree: RecordedDocument; members: TpkMember[] } | null;
  sekretariat: { decree: RecordedDocument; members: SekretariatMember[] } | null;
  vacancies: PergubVacancy[];
  /** The latest profile of each screened PNS, by NIP. */
  profiles: Record<string, PnsProfile>;
  mapping: Record<string, MappingResult>;
  trackRecords: Record<string, TrackRecordInput[]>;
  tpkReport: RecordedDocument | null;
  mendagriApprovals: RecordedDocument[];
  ppkStatus: PpkStatusEntry[];
  plannedSchedule: Partial<Record<Pergub113Stage, string>>;
  /** The WITA date each stage was entered. */
  stageEntered: Partial<Record<Pergub113Stage, string>>;
  cancellation: { reason: string; on: string } | null;
};
