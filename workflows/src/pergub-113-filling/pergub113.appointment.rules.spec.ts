import { inaugurationApproved, pickOneOfThree } from './pergub113.appointment.rules.js';
import type { Pergub113Event } from './pergub113.events.js';
import {
  administratorPool,
  after,
  aProfile,
  chosen,
  cmd,
  doc,
  history,
  nip,
  pengawasPool,
  reported,
} from './pergub113.fixtures.js';
import { pergub113Filling } from './pergub113.procedure.js';

const choose = (vacancyId: string, n: number) =>
  cmd('ChooseCandidate', { vacancyId, nip: nip(n) }, 'PPK', '2025-05-09');
const approval = (date = '2025-05-14') =>
  cmd(
    'RecordMendagriApproval',
    { document: doc('100.2.2.6/1', date, 'Mendagri') },
    'SEKRETARIAT',
    date,
  );
const decree = (vacancyId: string, date = '2025-05-16') =>
  cmd('IssueAppointmentDecree', { vacancyId, decree: doc(`KEP/${vacancyId}`, date) }, 'PPK', date);
const inaugurate = (vacancyId: string, date = '2025-05-19', oathTaken = true, on = date) =>
  cmd('RecordInauguration', { vacancyId, date, oathTaken }, 'PPK', on);
const PICK = 'Pergub NTT 113/2023 Pasal 12 ayat (1)';
const OATH = 'Pergub NTT 113/2023 Pasal 12 ayat (2)';
const AFTER_PILKADA = 'UU 10/2016 Pasal 162 ayat (3)';

describe('B-PICK pickOneOfThree', () => {
  it('accepts one of the 3 names and moves to inauguration once every post has its choice', () => {
    const first = after(reported()).when(choose('V1', 2)).then([expect.anything()]);
    expect(first.state).toBe('ppkChoice');
    const next = after([...reported(), choose('V1', 2)])
      .when(choose('V2', 13))
      .then([expect.anything()]);
    expect(next.state).toBe('inauguration');
    expect(next.context.vacancies.map((v) => [v.subStatus, v.chosen])).toEqual([
      ['chosen', nip(2)],
      ['chosen', nip(13)],
    ]);
  });

  it.each([
    [
      'a name outside the 3',
      [],
      choose('V1', 11),
      `${nip(11)} bukan salah satu dari 3 nama untuk V1`,
    ],
    ['an unknown post', [], choose('V9', 1), 'V9 tidak menunggu pilihan PPK (tidak ada)'],
    [
      'a post already chosen for',
      [choose('V1', 1)],
      choose('V1', 2),
      'V1 tidak menunggu pilihan PPK (chosen)',
    ],
  ])('rejects %s', (_name, before, command, message) => {
    expect(
      after([...reported(), ...before])
        .when(command)
        .thenRejects('B-PICK'),
    ).toEqual([{ rule: 'B-PICK', citation: PICK, message }]);
  });

  it('never meets one person shortlisted for two posts: the report is refused (B-THREE)', () => {
    const both = aProfile(5, {
      experience: [
        { kind: 'PELAKSANA', from: '2008-01-02', to: '2014-12-31', relevantField: true },
        { kind: 'PENGAWAS', from: '2015-01-02', relevantField: true },
      ],
    });
    const round = reported({
      v1Pool: [...administratorPool(), both],
      v2Pool: [...pengawasPool(), both],
      candidates: [
        { vacancyId: 'V1', nips: [nip(1), nip(2), nip(3), nip(5)] },
        { vacancyId: 'V2', nips: [nip(11), nip(12), nip(13), nip(5)] },
      ],
      shortlists: [
        { vacancyId: 'V1', nips: [nip(1), nip(2), nip(5)] },
        { vacancyId: 'V2', nips: [nip(11), nip(12), nip(5)] },
      ],
    });
    const violations = after(round.slice(0, -1)).when(round.at(-1)!).thenRejects('B-THREE');
    expect(violations.map((v) => v.message)).toContain(
      `${nip(5)} diusulkan untuk lebih dari satu jabatan: 3 kali jumlah jabatan, orang yang berbeda`,
    );
  });

  it('rejects a person already chosen for another post (a round stored before B-THREE)', () => {
    const state = after(reported()).when(choose('V1', 1)).then([expect.anything()]);
    const context = {
      ...state.context,
      vacancies: state.context.vacancies.map((v) =>
        v.vacancyId === 'V2' ? { ...v, shortlist: [nip(1), ...v.shortlist.slice(1)] } : v,
      ),
    };
    const event = {
      type: 'CandidateChosen',
      data: { vacancyId: 'V2', nip: nip(1), occurredAt: '2025-05-09T09:00:00+08:00' },
    } as Pergub113Event;
    expect(pickOneOfThree.check({ context, event })).toEqual([
      { rule: 'B-PICK', citation: PICK, message: `${nip(1)} sudah dipilih untuk V1` },
    ]);
  });

  it('takes no choice before the TPK has reported (Pasal 5 ayat (1)): 409', () => {
    after(reported().slice(0, -1)).when(choose('V1', 1)).thenNotAllowed({ state: 'reportedToPpk' });
  });
});

describe('B-INAUG inaugurationApproved', () => {
  it('accepts a decree and an inauguration with oath after Mendagri’s approval', () => {
    after([...chosen(), approval()])
      .when(decree('V1'))
      .then([expect.anything()]);
    const next = after([...chosen(), approval(), decree('V1')])
      .when(inaugurate('V1'))
      .then([
        {
          type: 'InaugurationRecorded',
          data: {
            vacancyId: 'V1',
            date: '2025-05-19',
            oathTaken: true,
            mendagriApprovalRequired: true,
            reportDueOn: '2025-05-28',
            occurredAt: '2025-05-19T09:00:00+08:00',
          },
        },
      ]);
    expect(next.context.vacancies[0]).toMatchObject({
      subStatus: 'filled',
      inauguration: { date: '2025-05-19', approvalRequired: true, reportDueOn: '2025-05-28' },
    });
  });

  it('needs no approval outside every §5 window, and then no report', () => {
    const late = [
      ...chosen(),
      decree('V1', '2025-09-01'),
      decree('V2', '2025-09-01'),
      inaugurate('V1', '2025-09-02'),
    ];
    const next = after(late)
      .when(inaugurate('V2', '2025-09-02'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ mendagriApprovalRequired: false }),
        }),
      ]);
    expect(next.state).toBe('completed');
    expect(history(late).at(-1)!.data).not.toHaveProperty('reportDueOn');
  });

  it.each([
    ['without Mendagri’s approval', [], '2025-05-16'],
    ['dated before Mendagri’s approval', [approval('2025-05-20')], '2025-05-16'],
  ])(
    'rejects a decree %s inside the 6 months after the Governor’s inauguration',
    (_name, before, date) => {
      expect(
        after([...chosen(), ...before])
          .when(decree('V1', date))
          .thenRejects('B-INAUG'),
      ).toEqual([
        {
          rule: 'B-INAUG',
          citation: AFTER_PILKADA,
          message: `keputusan KEP/V1 tanggal ${date} memerlukan persetujuan tertulis Mendagri: dalam 6 bulan sejak pelantikan kepala daerah hasil Pilkada`,
        },
      ]);
    },
  );

  it('cites every basis at once when a Penjabat is PPK as well', () => {
    const penjabat = cmd(
      'RecordPpkStatus',
      { status: 'PENJABAT', since: '2025-05-10' },
      'SEKRETARIAT',
      '2025-05-10',
    );
    const citations = after([...chosen(), penjabat])
      .when(decree('V1'))
      .thenRejects('B-INAUG')
      .map((v) => v.citation);
    expect(citations).toEqual([
      'PP 49/2008 Pasal 132A ayat (1) huruf a dan ayat (2); Permendagri 4/2023 Pasal 15',
      AFTER_PILKADA,
    ]);
  });

  it('rejects a second decree for a post already decreed', () => {
    expect(
      after([...chosen(), approval(), decree('V1')])
        .when(decree('V1'))
        .thenRejects('B-INAUG'),
    ).toEqual([
      { rule: 'B-INAUG', citation: PICK, message: 'V1 tidak berstatus dipilih PPK (decreed)' },
    ]);
  });

  const decreed = [...chosen(), approval(), decree('V1')];
  it.each([
    [
      'of a post without its decree',
      inaugurate('V2'),
      PICK,
      'V2 tidak berstatus ditetapkan dengan keputusan (chosen)',
    ],
    [
      'before the decree',
      inaugurate('V1', '2025-05-15', true, '2025-05-19'),
      OATH,
      'pelantikan 2025-05-15 sebelum keputusan 2025-05-16',
    ],
    [
      'in the future',
      inaugurate('V1', '2025-05-26', true, '2025-05-19'),
      OATH,
      'pelantikan 2025-05-26 belum terjadi',
    ],
    [
      'without the oath',
      inaugurate('V1', '2025-05-19', false),
      OATH,
      'pelantikan tanpa pengambilan sumpah/janji jabatan',
    ],
  ])('rejects an inauguration %s', (_name, command, citation, message) => {
    expect(after(decreed).when(command).thenRejects('B-INAUG')).toEqual([
      { rule: 'B-INAUG', citation, message },
    ]);
  });

  it('rejects an inauguration under a Plt without approval, though the decree needed none', () => {
    const plt = cmd(
      'RecordPpkStatus',
      { status: 'PLT', since: '2025-09-02' },
      'SEKRETARIAT',
      '2025-09-02',
    );
    const violations = after([...chosen(), decree('V1', '2025-09-01'), plt])
      .when(inaugurate('V1', '2025-09-03'))
      .thenRejects('B-INAUG');
    expect(violations).toEqual([
      {
        rule: 'B-INAUG',
        citation: 'PP 49/2008 Pasal 132A ayat (1) huruf a dan ayat (2)',
        message:
          'pelantikan tanggal 2025-09-03 memerlukan persetujuan tertulis Mendagri: PPK adalah pelaksana tugas kepala daerah',
      },
    ]);
  });

  it('rejects an event whose approval flag contradicts the inauguration date', () => {
    const snapshot = pergub113Filling.fold(history(decreed));
    const event = {
      type: 'InaugurationRecorded' as const,
      data: {
        vacancyId: 'V1',
        date: '2025-05-19',
        oathTaken: true,
        mendagriApprovalRequired: false,
        occurredAt: '2025-05-19T09:00:00+08:00',
      },
    };
    const violations = inaugurationApproved.check({
      context: pergub113Filling.contextOf(snapshot),
      event,
    });
    expect(violations.map((v) => v.message)).toEqual([
      'keterangan persetujuan Mendagri tidak sesuai tanggal pelantikan',
    ]);
    expect(snapshot.can(event)).toBe(false);
  });
});
