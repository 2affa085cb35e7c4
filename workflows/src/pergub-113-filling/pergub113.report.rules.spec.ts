import { after, chosen, cmd, doc } from './pergub113.fixtures.js';

const approval = cmd(
  'RecordMendagriApproval',
  { document: doc('M/1', '2025-05-14', 'Mendagri') },
  'SEKRETARIAT',
  '2025-05-14',
);
const decree = (vacancyId: string) =>
  cmd(
    'IssueAppointmentDecree',
    { vacancyId, decree: doc(`KEP/${vacancyId}`, '2025-05-16') },
    'PPK',
    '2025-05-16',
  );
const inaugurate = (vacancyId: string) =>
  cmd(
    'RecordInauguration',
    { vacancyId, date: '2025-05-19', oathTaken: true },
    'PPK',
    '2025-05-19',
  );
const report = (vacancyIds: string[], date = '2025-05-23') =>
  cmd('ReportToMendagri', { document: doc('LAP/1', date), vacancyIds }, 'SEKRETARIAT', date);

describe('B-REPORT mendagriReport', () => {
  const REPORT = 'SE Mendagri 100.2.1.3/1575/SJ (2024)';
  const inaugurated = [
    ...chosen(),
    approval,
    decree('V1'),
    decree('V2'),
    inaugurate('V1'),
    inaugurate('V2'),
  ];

  it('accepts the report of every inauguration made under §5, which completes the round', () => {
    expect(
      after(inaugurated)
        .when(report(['V1', 'V2']))
        .then([expect.anything()]).state,
    ).toBe('completed');
    expect(
      after(inaugurated)
        .when(report(['V1']))
        .then([expect.anything()]).state,
    ).toBe('inauguration');
  });

  it.each([
    ['no post', [], [], 'laporan tanpa jabatan yang dilaporkan'],
    [
      'a post already reported',
      [report(['V1'])],
      ['V1'],
      'V1 bukan pelantikan dengan persetujuan Mendagri yang belum dilaporkan',
    ],
    [
      'a post not inaugurated',
      [],
      ['V3'],
      'V3 bukan pelantikan dengan persetujuan Mendagri yang belum dilaporkan',
    ],
  ])('rejects a report of %s', (_name, before, vacancyIds, message) => {
    expect(
      after([...inaugurated, ...before])
        .when(report(vacancyIds))
        .thenRejects('B-REPORT'),
    ).toEqual([{ rule: 'B-REPORT', citation: REPORT, message }]);
  });
});
