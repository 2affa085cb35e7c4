import { after, cmd, doc, nip, sekretariatMembers, tpkMembers } from './pergub113.fixtures.js';
import type { SekretariatMember, TpkMember } from './pergub113.types.js';

const opened = () => [
  cmd(
    'OpenSelection',
    { selectionId: 'sel-1', title: 'Pengisian 2025' },
    'SEKRETARIAT',
    '2025-03-03',
  ),
];
const formTpk = (members: TpkMember[]) =>
  after(opened()).when(
    cmd('FormTPK', { decree: doc('TPK/1', '2025-03-05'), members }, 'PPK', '2025-03-05'),
  );
const formSekretariat = (members: SekretariatMember[]) =>
  after(opened()).when(
    cmd(
      'FormSekretariatTPK',
      { decree: doc('SEKR/1', '2025-03-06'), members },
      'SEKDA',
      '2025-03-06',
    ),
  );

const TPK_CITATION = 'Pergub NTT 113/2023 Pasal 5 ayat (3) dan ayat (4)';
const SEKR_CITATION = 'Pergub NTT 113/2023 Pasal 7 ayat (2)';

describe('B-TPK tpkComposition', () => {
  it('accepts 3 members covering the four seats, one person holding two', () => {
    const next = formTpk(tpkMembers(3)).then([expect.objectContaining({ type: 'TPKFormed' })]);
    expect(next.context.tpk?.members).toHaveLength(3);
  });

  it('accepts 5 members', () => {
    formTpk(tpkMembers(5)).then([expect.objectContaining({ type: 'TPKFormed' })]);
  });

  const extra = tpkMembers(5)
    .slice(3)
    .map((m, i) => ({ ...m, nip: nip(80 + i) }));
  it.each([
    [
      '4 members (an even number)',
      tpkMembers(4),
      'TPK beranggota 4 orang: harus gasal, paling tinggi 5',
    ],
    [
      '7 members (more than 5)',
      [...tpkMembers(5), ...extra],
      'TPK beranggota 7 orang: harus gasal, paling tinggi 5',
    ],
  ])('rejects %s', (_name, members, message) => {
    expect(formTpk(members).thenRejects('B-TPK')).toEqual([
      { rule: 'B-TPK', citation: TPK_CITATION, message },
    ]);
  });

  it('rejects a TPK without an official of the Inspektorat', () => {
    const members = tpkMembers(3).map((m) =>
      m.covers.includes('INSPEKTORAT') ? { ...m, covers: ['PPT_TERKAIT' as const] } : m,
    );
    expect(formTpk(members).thenRejects('B-TPK')).toEqual([
      {
        rule: 'B-TPK',
        citation: TPK_CITATION,
        message: 'unsur INSPEKTORAT tidak terwakili dalam TPK',
      },
    ]);
  });

  it('rejects one person holding three seats, or none', () => {
    const three = [
      { ...tpkMembers(1)[0]!, covers: ['SEKDA' as const, 'BKD' as const, 'PPT_TERKAIT' as const] },
      tpkMembers(3)[2]!,
      { ...tpkMembers(4)[3]!, covers: [] },
    ];
    const messages = formTpk(three)
      .thenRejects('B-TPK')
      .map((v) => v.message);
    expect(messages).toEqual([
      'Sekda mewakili 3 unsur: harus 1 atau 2',
      'Kadis P dan K mewakili 0 unsur: harus 1 atau 2',
    ]);
  });

  it('rejects two people both seated as Sekretaris Daerah, and a NIP listed twice', () => {
    const members = [
      ...tpkMembers(3),
      { ...tpkMembers(1)[0]!, name: 'Sekda lagi' },
      tpkMembers(5)[4]!,
    ];
    const messages = formTpk(members)
      .thenRejects('B-TPK')
      .map((v) => v.message);
    expect(messages).toEqual([
      'unsur SEKDA diisi lebih dari satu orang',
      `NIP ${nip(90)} tercatat lebih dari sekali`,
    ]);
  });
});

describe('B-SEKR sekretariatComposition', () => {
  it('accepts BKD staff coordinated by the head of career development', () => {
    formSekretariat(sekretariatMembers()).then([
      expect.objectContaining({ type: 'SekretariatTPKFormed' }),
    ]);
  });

  const [coordinator, analis] = sekretariatMembers() as [SekretariatMember, SekretariatMember];
  it.each([
    [
      'no coordinator',
      [{ ...coordinator, coordinator: false }, analis],
      'sekretariat TPK mempunyai 0 koordinator: harus tepat 1',
    ],
    [
      'two coordinators',
      [coordinator, { ...analis, coordinator: true }],
      'sekretariat TPK mempunyai 2 koordinator: harus tepat 1',
    ],
    [
      'a coordinator who is not the head of career development',
      [{ ...analis, coordinator: true }],
      'koordinator Analis bukan kepala bidang pengembangan karier PNS pada BKD',
    ],
    [
      'a member outside BKD',
      [coordinator, { ...analis, atBkd: false }],
      'Analis bukan pegawai BKD',
    ],
    [
      'a NIP listed twice',
      [coordinator, analis, { ...analis, name: 'Analis 2' }],
      `NIP ${nip(96)} tercatat lebih dari sekali`,
    ],
  ])('rejects %s', (_name, members, message) => {
    expect(formSekretariat(members).thenRejects('B-SEKR')).toEqual([
      { rule: 'B-SEKR', citation: SEKR_CITATION, message },
    ]);
  });

  it('rejects a coordinator from outside BKD on both counts', () => {
    const messages = formSekretariat([{ ...coordinator, atBkd: false }])
      .thenRejects('B-SEKR')
      .map((v) => v.message);
    expect(messages).toEqual([
      'koordinator Kabid PKP bukan kepala bidang pengembangan karier PNS pada BKD',
      'Kabid PKP bukan pegawai BKD',
    ]);
  });
});
