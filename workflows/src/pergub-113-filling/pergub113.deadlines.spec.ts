import type { Pergub113Command } from './pergub113.commands.js';
import { PERGUB113_STAGE_RECIPIENTS } from './pergub113.deadlines.js';
import {
  chosen,
  cmd,
  completedRound,
  constituted,
  doc,
  history,
  inventoried,
} from './pergub113.fixtures.js';
import { pergub113Filling } from './pergub113.procedure.js';

const deadlinesAfter = (commands: Pergub113Command[]) =>
  pergub113Filling.deadlines(pergub113Filling.fold(history(commands)));
const schedule = cmd(
  'SetPlannedSchedule',
  { dates: { inventory: '2025-03-10', mapping: '2025-04-01', inauguration: '2025-05-20' } },
  'SEKRETARIAT',
  '2025-03-04',
);
const [open, status] = constituted();
const inaugurated = (date: string) => [
  ...chosen(),
  cmd(
    'RecordMendagriApproval',
    { document: doc('M/1', '2025-05-14', 'Mendagri') },
    'SEKRETARIAT',
    '2025-05-14',
  ),
  cmd(
    'IssueAppointmentDecree',
    { vacancyId: 'V1', decree: doc('KEP/1', '2025-05-16') },
    'PPK',
    '2025-05-16',
  ),
  cmd('RecordInauguration', { vacancyId: 'V1', date, oathTaken: true }, 'PPK', date),
];

describe('pergub113Deadlines', () => {
  it('has none before the round is opened', () => {
    expect(pergub113Filling.deadlines(pergub113Filling.initialState())).toEqual([]);
  });

  it('lists the planned date of every stage not yet reached, ending 23:59:59 WITA', () => {
    expect(deadlinesAfter([open!, status!, schedule])).toEqual([
      {
        deadlineId: 'planned-inventory',
        kind: 'planned',
        label: 'Jadwal tahap inventory',
        dueAt: '2025-03-10T15:59:59.000Z',
        stage: 'inventory',
        recipients: PERGUB113_STAGE_RECIPIENTS.inventory,
      },
      {
        deadlineId: 'planned-mapping',
        kind: 'planned',
        label: 'Jadwal tahap mapping',
        dueAt: '2025-04-01T15:59:59.000Z',
        stage: 'mapping',
        recipients: ['ASESOR', 'TPK'],
      },
      {
        deadlineId: 'planned-inauguration',
        kind: 'planned',
        label: 'Jadwal tahap inauguration',
        dueAt: '2025-05-20T15:59:59.000Z',
        stage: 'inauguration',
        recipients: ['PPK', 'SEKRETARIAT'],
      },
    ]);
  });

  it('drops a planned date once its stage is entered, and shows the TMT of a post akan lowong', () => {
    const deadlines = deadlinesAfter([...inventoried(), schedule]);
    expect(deadlines.map((d) => d.deadlineId)).toEqual([
      'planned-mapping',
      'planned-inauguration',
      'vacancy-tmt-V2',
    ]);
    expect(deadlines.at(-1)).toEqual({
      deadlineId: 'vacancy-tmt-V2',
      kind: 'legal',
      label: 'TMT lowong Kepala Seksi Kurikulum',
      dueAt: '2025-12-01T15:59:59.000Z',
      legalBasis: 'Pergub NTT 113/2023 Pasal 9 ayat (1)',
      vacancyId: 'V2',
      recipients: ['SEKRETARIAT', 'TPK', 'PPK'],
    });
  });

  it('asks for the report to Mendagri 7 working days after an inauguration under §5', () => {
    expect(deadlinesAfter(inaugurated('2025-05-19')).find((d) => d.vacancyId === 'V1')).toEqual({
      deadlineId: 'mendagri-report-V1',
      kind: 'legal',
      label: 'Laporan pelantikan Kepala Bidang Pembinaan SMA kepada Mendagri',
      dueAt: '2025-05-28T15:59:59.000Z',
      legalBasis: 'SE Mendagri 100.2.1.3/1575/SJ (2024) (7 hari kerja)',
      stage: 'inauguration',
      vacancyId: 'V1',
      recipients: ['SEKRETARIAT'],
    });
  });

  it('skips holidays and cuti bersama when counting the 7 working days', () => {
    // 29 May 2025 Kenaikan Yesus Kristus, 30 May cuti bersama, then a weekend
    const report = deadlinesAfter(inaugurated('2025-05-23')).find(
      (d) => d.deadlineId === 'mendagri-report-V1',
    );
    expect(report?.dueAt).toBe('2025-06-05T15:59:59.000Z');
  });

  it('keeps an unreported inauguration’s report due after the round is cancelled, and nothing else', () => {
    const cancelled = [
      ...inaugurated('2025-05-19'),
      cmd('CancelFilling', { reason: 'x' }, 'PPK', '2025-05-20'),
    ];
    expect(deadlinesAfter(cancelled).map((d) => d.deadlineId)).toEqual(['mendagri-report-V1']);
  });

  it('has none once the round is completed and reported', () => {
    expect(deadlinesAfter(completedRound())).toEqual([]);
  });

  it('asks for the inauguration within 30 days of the decree (day 30: 15 June 2025), until it is held', () => {
    const decreed = inaugurated('2025-05-19').slice(0, -1);
    expect(deadlinesAfter(decreed).find((d) => d.deadlineId === 'inauguration-V1')).toEqual({
      deadlineId: 'inauguration-V1',
      kind: 'legal',
      label: 'Pelantikan Kepala Bidang Pembinaan SMA paling lama 30 hari sejak keputusan',
      dueAt: '2025-06-15T15:59:59.000Z',
      legalBasis: expect.stringMatching(/^Perka BKN 7\/2017/),
      stage: 'inauguration',
      vacancyId: 'V1',
      recipients: ['PPK', 'SEKRETARIAT'],
    });
    expect(
      deadlinesAfter(inaugurated('2025-05-19')).some((d) => d.deadlineId === 'inauguration-V1'),
    ).toBe(false);
  });
});
