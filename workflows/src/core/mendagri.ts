import { addCalendarMonths } from './calendar.js';
import type { PilkadaSchedule } from './reference/pilkada.js';

/** The PPK's status from a date on, recorded by `RecordPpkStatus` (docs/domain.md §5). */
export type PpkStatus = { status: 'GUBERNUR' | 'PENJABAT' | 'PLT'; since: string };

export type MendagriReason = { basis: string; citation: string };
export type MendagriRequirement = { required: boolean; reasons: MendagriReason[] };

/** The windows in which appointing or replacing officials needs Mendagri's written approval. */
export const MENDAGRI_APPROVAL_BASES = {
  penjabat: {
    basis: 'PPK adalah Penjabat kepala daerah',
    citation: 'PP 49/2008 Pasal 132A ayat (1) huruf a dan ayat (2); Permendagri 4/2023 Pasal 15',
  },
  plt: {
    basis: 'PPK adalah pelaksana tugas kepala daerah',
    citation: 'PP 49/2008 Pasal 132A ayat (1) huruf a dan ayat (2)',
  },
  beforePilkada: {
    basis: 'sejak 6 bulan sebelum penetapan pasangan calon sampai akhir masa jabatan',
    citation: 'UU 10/2016 Pasal 71 ayat (2)',
  },
  afterInauguration: {
    basis: 'dalam 6 bulan sejak pelantikan kepala daerah hasil Pilkada',
    citation: 'UU 10/2016 Pasal 162 ayat (3)',
  },
} as const satisfies Record<string, MendagriReason>;

/** After appointing under an approval, report to Mendagri within this many working days. */
export const MENDAGRI_REPORT_DEADLINE = {
  workingDays: 7,
  citation: 'SE Mendagri 100.2.1.3/1575/SJ (2024)',
} as const;

/** After the appointment decree, the inauguration within this many calendar days. */
export const INAUGURATION_DEADLINE = {
  calendarDays: 30,
  citation:
    'Perka BKN 7/2017 (pelantikan paling lama 30 hari sejak keputusan pengangkatan ditetapkan) [UNVERIFIED: pasal dan cara menghitung hari]',
} as const;

/** The status in force on `date`: the latest entry whose `since` is not after it. */
export function ppkStatusOn(
  history: PpkStatus | readonly PpkStatus[] | null | undefined,
  date: string,
): PpkStatus | undefined {
  const entries: readonly PpkStatus[] =
    history == null ? [] : 'status' in history ? [history] : history;
  return entries
    .filter((entry) => entry.since <= date)
    .reduce<PpkStatus | undefined>(
      (latest, entry) => (!latest || entry.since >= latest.since ? entry : latest),
      undefined,
    );
}

function inPreElectionWindow(pilkada: PilkadaSchedule, date: string): boolean {
  if (date < addCalendarMonths(pilkada.candidateDetermination, -6)) return false;
  if (pilkada.endOfTerm !== undefined) return date <= pilkada.endOfTerm;
  return pilkada.headInauguration === undefined || date < pilkada.headInauguration;
}

function inPostInaugurationWindow(pilkada: PilkadaSchedule, date: string): boolean {
  const start = pilkada.headInauguration;
  return start !== undefined && date >= start && date < addCalendarMonths(start, 6);
}

/**
 * Whether an appointment or replacement on `date` needs Mendagri's written approval, and every
 * reason why (docs/domain.md §5), evaluated as of that date: the PPK's status then, and the windows of
 * each Pilkada cycle given.
 */
export function mendagriApprovalRequired(input: {
  ppkStatus: PpkStatus | readonly PpkStatus[] | null | undefined;
  date: string;
  pilkada?: PilkadaSchedule | readonly PilkadaSchedule[];
}): MendagriRequirement {
  const { date } = input;
  const reasons: MendagriReason[] = [];
  const status = ppkStatusOn(input.ppkStatus, date)?.status;
  if (status === 'PENJABAT') reasons.push(MENDAGRI_APPROVAL_BASES.penjabat);
  if (status === 'PLT') reasons.push(MENDAGRI_APPROVAL_BASES.plt);
  const cycles: readonly PilkadaSchedule[] =
    input.pilkada === undefined
      ? []
      : 'candidateDetermination' in input.pilkada
        ? [input.pilkada]
        : input.pilkada;
  if (cycles.some((cycle) => inPreElectionWindow(cycle, date))) {
    reasons.push(MENDAGRI_APPROVAL_BASES.beforePilkada);
  }
  if (cycles.some((cycle) => inPostInaugurationWindow(cycle, date))) {
    reasons.push(MENDAGRI_APPROVAL_BASES.afterInauguration);
  }
  return { required: reasons.length > 0, reasons: reasons.map((reason) => ({ ...reason })) };
}
