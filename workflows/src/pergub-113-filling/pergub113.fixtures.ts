import type { RecordedDocument, Role } from '../core/types.js';
import { acceptedEvents, command, given } from '../testing/decider-specification.js';
import type { Pergub113Command, Pergub113CommandOf } from './pergub113.commands.js';
import type { Pergub113Event } from './pergub113.events.js';
import { pergub113Filling } from './pergub113.procedure.js';
import type {
  MappingResult,
  PergubVacancyInput,
  PnsProfile,
  SekretariatMember,
  TpkMember,
  TrackRecordInput,
} from './pergub113.types.js';

// Builders for the Pergub 113 tests: a plausible 2025 round in Kupang with two posts, one
// Administrator (eselon III.a) and one Pengawas (eselon IV.a), and three or four PNS per post.

export const at = (date: string, time = '09:00:00') => `${date}T${time}+08:00`;

export const nip = (n: number) => `1980010120050110${String(n).padStart(2, '0')}`;

export const doc = (number: string, date: string, issuer = 'Gubernur NTT'): RecordedDocument => ({
  issuer,
  number,
  date,
  subject: number,
});

/** A command as the API would build it, issued at 09:00 WITA on `date`. */
export function cmd<T extends Pergub113Command['type']>(
  type: T,
  data: Pergub113CommandOf<T>['data'],
  role: Role,
  date: string,
): Pergub113CommandOf<T> {
  return command(type, data, { now: at(date), role }) as unknown as Pergub113CommandOf<T>;
}

export const tpkMembers = (count = 3): TpkMember[] =>
  [
    { nip: nip(90), name: 'Sekda', position: 'Sekretaris Daerah', covers: ['SEKDA' as const] },
    {
      nip: nip(91),
      name: 'Kepala BKD',
      position: 'Kepala BKD',
      covers: ['BKD' as const, 'PPT_TERKAIT' as const],
    },
    {
      nip: nip(92),
      name: 'Inspektur',
      position: 'Inspektur Daerah',
      covers: ['INSPEKTORAT' as const],
    },
    {
      nip: nip(93),
      name: 'Kadis P dan K',
      position: 'Kepala Dinas',
      covers: ['PPT_TERKAIT' as const],
    },
    { nip: nip(94), name: 'Sekretaris BKD', position: 'Sekretaris BKD', covers: ['BKD' as const] },
  ].slice(0, count);

export const sekretariatMembers = (): SekretariatMember[] => [
  {
    nip: nip(95),
    name: 'Kabid PKP',
    position: 'KEPALA_BIDANG_PENGEMBANGAN_KARIER',
    atBkd: true,
    coordinator: true,
  },
  { nip: nip(96), name: 'Analis', position: 'ANALIS_KEPEGAWAIAN', atBkd: true, coordinator: false },
];

export const ADMINISTRATOR_POST: PergubVacancyInput = {
  vacancyId: 'V1',
  title: 'Kepala Bidang Pembinaan SMA',
  unit: 'Dinas Pendidikan dan Kebudayaan',
  eselon: 'III.b',
  jabatan: 'ADMINISTRATOR',
  status: 'LOWONG',
};

export const PENGAWAS_POST: PergubVacancyInput = {
  vacancyId: 'V2',
  title: 'Kepala Seksi Kurikulum',
  unit: 'Dinas Pendidikan dan Kebudayaan',
  eselon: 'IV.a',
  jabatan: 'PENGAWAS',
  status: 'AKAN_LOWONG',
  tmt: '2025-12-01',
};

/** A PNS who meets Pasal 3 (Administrator) as of 2025, or Pasal 4 with `pengawas`. */
export function aProfile(
  n: number,
  overrides: Partial<PnsProfile> = {},
  pengawas = false,
): PnsProfile {
  return {
    nip: nip(n),
    name: `PNS ${n}`,
    birthDate: `19${70 + (n % 20)}-03-01`,
    asnStatus: 'PNS',
    integrity: { attested: true },
    pangkat: { code: pengawas ? 'III/c' : 'IV/a', tmt: '2021-04-01' },
    education: { level: 'S1' },
    appraisals: [
      { year: 2023, regime: 'PermenPANRB6/2022', predikat: 'Baik' },
      { year: 2024, regime: 'PermenPANRB6/2022', predikat: 'Sangat Baik' },
    ],
    experience: [
      { kind: pengawas ? 'PELAKSANA' : 'PENGAWAS', from: '2015-01-02', relevantField: true },
    ],
    health: { physical: true, mental: true },
    masaKerjaMonths: 200,
    ...overrides,
  };
}

export const administratorPool = () => [1, 2, 3].map((n) => aProfile(n));
export const pengawasPool = () => [11, 12, 13].map((n) => aProfile(n, {}, true));

export const track = (): TrackRecordInput[] =>
  (['ATASAN', 'REKAN_SEJAWAT', 'BAWAHAN'] as const).map((source, i) => ({
    source,
    respondent: { nip: nip(70 + i), name: `Responden ${source}` },
    summary: `Rekam jejak baik menurut ${source}`,
  }));

const ids = (pool: PnsProfile[]) => pool.map((p) => p.nip);

/** A variant of the reference round: other pools, candidates or short lists. */
export type RoundOptions = {
  v1Pool?: PnsProfile[];
  v2Pool?: PnsProfile[];
  candidates?: { vacancyId: string; nips: string[] }[];
  shortlists?: { vacancyId: string; nips: string[] }[];
  /** The Assessment Center's result per NIP; MS with JPM 80 by default. */
  mappingOf?: (nip: string) => MappingResult;
};

/** Opening to the end of `constitutingTpk`: both decrees and the PPK closing the stage. */
export const constituted = (): Pergub113Command[] => [
  cmd(
    'OpenSelection',
    { selectionId: 'sel-1', title: 'Pengisian JA/JP Dikbud 2025' },
    'SEKRETARIAT',
    '2025-03-03',
  ),
  cmd(
    'RecordPpkStatus',
    { status: 'GUBERNUR', since: '2025-02-20', name: 'Gubernur NTT' },
    'SEKRETARIAT',
    '2025-03-03',
  ),
  cmd(
    'FormTPK',
    { decree: doc('TPK/1', '2025-03-05'), members: tpkMembers() },
    'PPK',
    '2025-03-05',
  ),
  cmd(
    'FormSekretariatTPK',
    { decree: doc('SEKR/1', '2025-03-06', 'Sekda NTT'), members: sekretariatMembers() },
    'SEKDA',
    '2025-03-06',
  ),
  cmd('CompleteStage', { stage: 'constitutingTpk' }, 'PPK', '2025-03-07'),
];

/** ... the inventory of both posts, submitted to the TPK. */
export const inventoried = (): Pergub113Command[] => [
  ...constituted(),
  cmd('RecordVacancy', ADMINISTRATOR_POST, 'SEKRETARIAT', '2025-03-10'),
  cmd('RecordVacancy', PENGAWAS_POST, 'SEKRETARIAT', '2025-03-10'),
  cmd('SubmitInventoryToTPK', {}, 'SEKRETARIAT', '2025-03-11'),
];

/** ... and the lists of PNS screened against Pasal 3 and 4 (Pasal 10 huruf a). */
export const listed = (options: RoundOptions = {}): Pergub113Command[] => [
  ...inventoried(),
  cmd(
    'PrepareEligibleList',
    { vacancyId: 'V1', profiles: options.v1Pool ?? administratorPool() },
    'SEKRETARIAT',
    '2025-03-17',
  ),
  cmd(
    'PrepareEligibleList',
    { vacancyId: 'V2', profiles: options.v2Pool ?? pengawasPool() },
    'SEKRETARIAT',
    '2025-03-17',
  ),
];

export const CANDIDATES = () => [
  { vacancyId: 'V1', nips: ids(administratorPool()) },
  { vacancyId: 'V2', nips: ids(pengawasPool()) },
];

const everyoneIn = (lists: { nips: string[] }[]) => [...new Set(lists.flatMap((c) => c.nips))];

/** ... the TPK's candidates (Pasal 10 huruf c), all mapped by the Assessment Center. */
export const mapped = (options: RoundOptions = {}): Pergub113Command[] => {
  const candidates = options.candidates ?? CANDIDATES();
  return [
    ...listed(options),
    cmd('SetCandidates', { candidates }, 'TPK', '2025-03-24'),
    ...everyoneIn(candidates).map((n) =>
      cmd(
        'RecordMappingResult',
        { nip: n, ...(options.mappingOf?.(n) ?? { jpm: 80, category: 'MS' }) },
        'ASESOR',
        '2025-04-14',
      ),
    ),
    cmd('CompleteStage', { stage: 'mapping' }, 'TPK', '2025-04-15'),
  ];
};

/** ... every track record from three sources, and the TPK's report (3 names per post). */
export const reported = (options: RoundOptions = {}): Pergub113Command[] => [
  ...mapped(options),
  ...everyoneIn(options.candidates ?? CANDIDATES()).map((n) =>
    cmd('RecordTrackRecord', { nip: n, sources: track() }, 'TPK', '2025-04-28'),
  ),
  cmd('CompleteStage', { stage: 'trackRecord' }, 'TPK', '2025-04-29'),
  cmd(
    'ReportToPPK',
    {
      report: doc('TPK/LAP/1', '2025-05-05', 'TPK'),
      shortlists: options.shortlists ?? options.candidates ?? CANDIDATES(),
    },
    'TPK',
    '2025-05-05',
  ),
];

/** ... the PPK's choice of one of three for each post. */
export const chosen = (options: RoundOptions = {}): Pergub113Command[] => [
  ...reported(options),
  cmd('ChooseCandidate', { vacancyId: 'V1', nip: nip(1) }, 'PPK', '2025-05-09'),
  cmd('ChooseCandidate', { vacancyId: 'V2', nip: nip(11) }, 'PPK', '2025-05-09'),
];

/** The whole round: approval (inside the UU 10/2016 Pasal 162(3) window), decrees, oath, report. */
export const completedRound = (): Pergub113Command[] => [
  ...chosen(),
  cmd(
    'RecordMendagriApproval',
    { document: doc('100.2.2.6/1', '2025-05-14', 'Mendagri') },
    'SEKRETARIAT',
    '2025-05-14',
  ),
  cmd(
    'IssueAppointmentDecree',
    { vacancyId: 'V1', decree: doc('KEP/1', '2025-05-16') },
    'PPK',
    '2025-05-16',
  ),
  cmd(
    'IssueAppointmentDecree',
    { vacancyId: 'V2', decree: doc('KEP/2', '2025-05-16') },
    'PPK',
    '2025-05-16',
  ),
  cmd(
    'RecordInauguration',
    { vacancyId: 'V1', date: '2025-05-19', oathTaken: true },
    'PPK',
    '2025-05-19',
  ),
  cmd(
    'RecordInauguration',
    { vacancyId: 'V2', date: '2025-05-19', oathTaken: true },
    'PPK',
    '2025-05-19',
  ),
  cmd(
    'ReportToMendagri',
    { document: doc('LAP/1', '2025-05-23'), vacancyIds: ['V1', 'V2'] },
    'SEKRETARIAT',
    '2025-05-23',
  ),
];

/** The events of a run of commands that must all be accepted. */
export const history = (commands: readonly Pergub113Command[]): Pergub113Event[] =>
  acceptedEvents(pergub113Filling, commands);

/** given/when on procedure B, after the events of `commands`. */
export const after = (commands: readonly Pergub113Command[]) =>
  given(pergub113Filling, history(commands));
