import type { Role, RecordedDocument } from '../../core/types.js';
import { command } from '../../testing/decider-specification.js';
import type { JptpCommandOf, JptpCommandType } from '../jptp.commands.js';
import type {
  JptpApplicantProfile,
  JptpPanselMember,
  JptpScore,
  JptpVacancy,
} from '../jptp.events.js';
import { JPTP_ROLES } from '../jptp.roles.js';

// Small builders for JPTP commands and payloads. Invented people and numbers, plausible shapes.

/** An instant in WITA: `wita('2024-05-15')` is 09:00 that day. */
export const wita = (date: string, time = '09:00:00'): string => `${date}T${time}+08:00`;

/** An 18-digit NIP, distinct per `n`. */
export const nipOf = (n: number): string => `19750310200003${String(1000 + n).slice(-4)}`;

/** A JPTP command at `now`, by `role` (default: the first role allowed for it). */
export function jptpCommand<T extends JptpCommandType>(
  type: T,
  data: JptpCommandOf<T>['data'],
  now: string,
  role: Role = JPTP_ROLES[type][0] as Role,
): JptpCommandOf<T> {
  return command(type, data, { now, role }) as unknown as JptpCommandOf<T>;
}

export const aDocument = (
  issuer: string,
  number: string,
  date: string,
  subject = 'Dokumen uji',
): RecordedDocument => ({ issuer, number, date, subject });

export const aVacancy = (n: number, overrides: Partial<JptpVacancy> = {}): JptpVacancy => ({
  vacancyId: `v${n}`,
  title: `Kepala Dinas Uji ${n}`,
  unit: `Dinas Uji ${n}`,
  eselon: 'II.b',
  status: 'LOWONG',
  ...overrides,
});

export const aProfile = (overrides: Partial<JptpApplicantProfile> = {}): JptpApplicantProfile => ({
  education: 'S2',
  relatedExperienceYears: 12,
  managerialExperienceYears: 6,
  birthDate: '1975-03-10',
  integrityAttested: true,
  healthAttested: true,
  ...overrides,
});

/** A Pansel of `size` members, `internal` of them from the province's own officials. */
export const panselOf = (size = 5, internal = 2): JptpPanselMember[] =>
  Array.from({ length: size }, (_, i) => ({
    nip: nipOf(900 + i),
    name: `Anggota Pansel ${i + 1}`,
    internal: i < internal,
  }));

export const score = (value: number, scale = 100): JptpScore => ({ value, scale });

export const MENDAGRI_2024 = aDocument('MENDAGRI', '100.2.1.3/2147/SJ', '2024-05-06');
export const KASN_2024 = aDocument('KASN', 'B-1626/JP.00.00/05/2024', '2024-05-08');
export const PANSEL_DECREE = aDocument('GUBERNUR', '816.2.1/128/BKD.3.2', '2024-05-13');
export const ANNOUNCEMENT = aDocument('PANSEL', 'PENG/01/PANSEL/2024', '2024-05-15');
