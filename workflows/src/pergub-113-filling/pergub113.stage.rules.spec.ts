import { localizeViolation } from '../core/messages.js';
import {
  ADMINISTRATOR_POST,
  administratorPool,
  after,
  CANDIDATES,
  cmd,
  constituted,
  doc,
  inventoried,
  listed,
  mapped,
  nip,
  PENGAWAS_POST,
  sekretariatMembers,
  tpkMembers,
  track,
} from './pergub113.fixtures.js';

const opened = constituted().slice(0, 2);
const complete = (
  stage: 'constitutingTpk' | 'mapping' | 'trackRecord' | 'inventory',
  role: 'PPK' | 'TPK',
  date = '2025-04-30',
) => cmd('CompleteStage', { stage }, role, date);

describe('B-VAC vacancyInventory', () => {
  // Acts of 2025: UU 5/2014 (repealed 31 Oct 2023) is no longer cited.
  const VAC =
    'Pergub NTT 113/2023 Pasal 9 ayat (1) dan Pasal 3-4 (Jabatan Administrator: eselon III; Jabatan Pengawas: eselon IV) [UNVERIFIED: padanan eselon menurut UU 20/2023 dan peraturan pelaksananya]';
  const record = (vacancy = ADMINISTRATOR_POST) =>
    cmd('RecordVacancy', vacancy, 'SEKRETARIAT', '2025-03-10');

  it('accepts an Administrator post of eselon III and a Pengawas post akan lowong with its TMT', () => {
    const next = after(constituted())
      .when(record())
      .then([expect.objectContaining({ type: 'VacancyRecorded' })]);
    expect(next.context.vacancies.map((v) => [v.vacancyId, v.subStatus])).toEqual([['V1', 'open']]);
    after([...constituted(), record()])
      .when(record(PENGAWAS_POST))
      .then([expect.anything()]);
  });

  it.each([
    ['a post recorded twice', [record()], ADMINISTRATOR_POST, 'V1 sudah tercatat'],
    [
      'an Administrator post of eselon IV.a',
      [],
      { ...ADMINISTRATOR_POST, eselon: 'IV.a' as const },
      'eselon IV.a bukan jabatan ADMINISTRATOR',
    ],
    [
      'a Pengawas post of eselon III.b',
      [],
      { ...PENGAWAS_POST, eselon: 'III.b' as const },
      'eselon III.b bukan jabatan PENGAWAS',
    ],
    [
      'a post akan lowong without TMT',
      [],
      { ...ADMINISTRATOR_POST, status: 'AKAN_LOWONG' as const },
      'V1 akan lowong tanpa TMT',
    ],
  ])('rejects %s', (_name, before, vacancy, message) => {
    expect(
      after([...constituted(), ...before])
        .when(record(vacancy))
        .thenRejects('B-VAC'),
    ).toEqual([{ rule: 'B-VAC', citation: VAC, message }]);
  });

  const cancel = (vacancyId: string) =>
    cmd('CancelVacancy', { vacancyId, reason: 'dirampingkan' }, 'PPK', '2025-03-20');
  it('accepts cancelling a post still being filled', () => {
    const next = after(inventoried())
      .when(cancel('V2'))
      .then([expect.objectContaining({ type: 'VacancyCancelled' })]);
    expect(next.context.vacancies.find((v) => v.vacancyId === 'V2')).toMatchObject({
      subStatus: 'cancelled',
      cancelReason: 'dirampingkan',
    });
  });

  it.each([
    ['an unknown post', [], 'V9', 'V9 tidak ada dalam inventarisasi'],
    ['a post already cancelled', [cancel('V2')], 'V2', 'V2 sudah cancelled'],
  ])('rejects cancelling %s', (_name, before, vacancyId, message) => {
    expect(
      after([...inventoried(), ...before])
        .when(cancel(vacancyId))
        .thenRejects('B-VAC'),
    ).toEqual([{ rule: 'B-VAC', citation: VAC, message }]);
  });
});

describe('B-LIST eligibleListPrepared', () => {
  const LIST = 'Pergub NTT 113/2023 Pasal 10 huruf a';
  const prepare = (vacancyId: string, profiles = administratorPool()) =>
    cmd('PrepareEligibleList', { vacancyId, profiles }, 'SEKRETARIAT', '2025-03-17');

  it('accepts the screened PNS of an inventoried post and lists the fit ones in DUK order', () => {
    const [a, b, c] = administratorPool();
    const senior = { ...c!, pangkat: { code: 'IV/b', tmt: '2022-04-01' } };
    const unfit = { ...a!, education: { level: 'D-III' } };
    const next = after(inventoried())
      .when(prepare('V1', [unfit, b!, senior]))
      .then([expect.anything()]);
    const v1 = next.context.vacancies[0]!;
    expect(v1.screened).toEqual([
      { nip: a!.nip, eligible: false },
      { nip: b!.nip, eligible: true },
      { nip: c!.nip, eligible: true },
    ]);
    expect(v1.eligibleList).toEqual([
      { nip: c!.nip, name: c!.name, dukRank: 1 },
      { nip: b!.nip, name: b!.name, dukRank: 2 },
    ]);
    expect(v1.subStatus).toBe('listed');
  });

  it.each([
    ['an unknown post', [], prepare('V9'), ['V9 bukan jabatan lowong dalam inventarisasi']],
    [
      'a cancelled post',
      [cmd('CancelVacancy', { vacancyId: 'V1', reason: 'x' }, 'PPK', '2025-03-12')],
      prepare('V1'),
      ['V1 bukan jabatan lowong dalam inventarisasi'],
    ],
    ['an empty list', [], prepare('V1', []), ['daftar PNS kosong']],
    [
      'a PNS listed twice',
      [],
      prepare('V1', [...administratorPool(), administratorPool()[0]!]),
      [`NIP ${nip(1)} lebih dari sekali`],
    ],
  ])('rejects %s', (_name, before, command, messages) => {
    const violations = after([...inventoried(), ...before])
      .when(command)
      .thenRejects('B-LIST');
    expect(violations).toEqual(
      messages.map((message) => ({ rule: 'B-LIST', citation: LIST, message })),
    );
  });
});

describe('B-DONE stageDone', () => {
  const TPK_DONE = 'Pergub NTT 113/2023 Pasal 5 ayat (2) dan Pasal 7 ayat (1)';
  const STAGES = 'Pergub NTT 113/2023 Pasal 5 sampai dengan Pasal 11';
  const tpk = cmd(
    'FormTPK',
    { decree: doc('TPK/1', '2025-03-05'), members: tpkMembers() },
    'PPK',
    '2025-03-05',
  );
  const sekr = cmd(
    'FormSekretariatTPK',
    { decree: doc('S/1', '2025-03-06'), members: sekretariatMembers() },
    'SEKDA',
    '2025-03-06',
  );

  it('accepts the end of constitutingTpk by the PPK once both decrees are recorded', () => {
    after([...opened, tpk, sekr])
      .when(complete('constitutingTpk', 'PPK'))
      .then([
        expect.objectContaining({
          type: 'StageCompleted',
          data: expect.objectContaining({ completedBy: 'PPK' }),
        }),
      ]);
  });

  it.each([
    ['without the TPK decree', [sekr], 'keputusan pembentukan TPK belum tercatat', 'noTpkDecree'],
    [
      'without the Sekretariat decree',
      [tpk],
      'keputusan pembentukan sekretariat TPK belum tercatat',
      'noSekretariatDecree',
    ],
  ])('rejects ending constitutingTpk %s', (_name, before, message, variant) => {
    expect(
      after([...opened, ...before])
        .when(complete('constitutingTpk', 'PPK'))
        .thenRejects('B-DONE'),
    ).toEqual([
      { rule: 'B-DONE', citation: TPK_DONE, message, messageKey: `B-DONE.${variant}`, params: {} },
    ]);
  });

  it.each([
    [
      'a stage that is not the current one',
      complete('mapping', 'TPK'),
      'tahap pemetaan bukan tahap berjalan (pembentukan TPK)',
      "the stage 'mapping' is not the current one ('forming the TPK')",
    ],
    [
      'a stage by the wrong role',
      complete('constitutingTpk', 'TPK'),
      'tahap pembentukan TPK diselesaikan oleh PPK, bukan TPK',
      "the stage 'forming the TPK' is completed by PPK, not TPK",
    ],
  ])('rejects completing %s, in words in both languages', (_name, command, message, english) => {
    const violations = after([...opened, tpk, sekr])
      .when(command)
      .thenRejects('B-DONE');
    expect(violations).toEqual([
      expect.objectContaining({ rule: 'B-DONE', citation: STAGES, message }),
    ]);
    expect(violations.map((v) => localizeViolation(v, 'en').message)).toEqual([english]);
  });

  it('does not take CompleteStage in a stage that ends by itself (409, not 422)', () => {
    after(constituted()).when(complete('inventory', 'PPK')).thenNotAllowed({ state: 'inventory' });
  });

  const submit = cmd('SubmitInventoryToTPK', {}, 'SEKRETARIAT', '2025-03-11');
  it('accepts submitting an inventory of at least one post', () => {
    const next = after(inventoried().slice(0, -1))
      .when(submit)
      .then([
        expect.objectContaining({ data: expect.objectContaining({ vacancyIds: ['V1', 'V2'] }) }),
      ]);
    expect(next.state).toBe('administrativeSelection');
  });

  it.each([
    ['no post', []],
    [
      'only a cancelled post',
      [
        cmd('RecordVacancy', ADMINISTRATOR_POST, 'SEKRETARIAT', '2025-03-10'),
        cmd('CancelVacancy', { vacancyId: 'V1', reason: 'x' }, 'PPK', '2025-03-10'),
      ],
    ],
  ])('rejects submitting an inventory with %s', (_name, before) => {
    expect(
      after([...constituted(), ...before])
        .when(submit)
        .thenRejects('B-DONE'),
    ).toEqual([
      {
        rule: 'B-DONE',
        citation: 'Pergub NTT 113/2023 Pasal 9 ayat (2)',
        message: 'belum ada jabatan lowong yang diinventarisasi',
        messageKey: 'B-DONE.noVacancy',
        params: {},
      },
    ]);
  });

  const candidates = CANDIDATES().flatMap((c) => c.nips);
  const setCandidates = cmd('SetCandidates', { candidates: CANDIDATES() }, 'TPK', '2025-03-24');
  const mapOne = (n: string) =>
    cmd('RecordMappingResult', { nip: n, jpm: 80, category: 'MS' }, 'ASESOR', '2025-04-14');

  it('accepts the end of mapping by the TPK when every candidate is mapped', () => {
    const next = after([...listed(), setCandidates, ...candidates.map(mapOne)])
      .when(complete('mapping', 'TPK'))
      .then([expect.anything()]);
    expect(next.state).toBe('trackRecord');
  });

  it('rejects the end of mapping while a candidate is not mapped', () => {
    const violations = after([...listed(), setCandidates, ...candidates.slice(1).map(mapOne)])
      .when(complete('mapping', 'TPK'))
      .thenRejects('B-DONE');
    expect(violations).toEqual([
      {
        rule: 'B-DONE',
        citation: 'Pergub NTT 113/2023 Pasal 11 ayat (3)',
        message: `${candidates[0]} belum dipetakan`,
        messageKey: 'B-DONE.notMapped',
        params: { nip: candidates[0] },
      },
    ]);
  });

  const trackOne = (n: string) =>
    cmd('RecordTrackRecord', { nip: n, sources: track() }, 'TPK', '2025-04-28');
  it('accepts the end of trackRecord when every candidate has three sources', () => {
    const next = after([...mapped(), ...candidates.map(trackOne)])
      .when(complete('trackRecord', 'TPK'))
      .then([expect.anything()]);
    expect(next.state).toBe('reportedToPpk');
  });

  it('rejects the end of trackRecord while a candidate has no track record', () => {
    const violations = after([...mapped(), ...candidates.slice(0, -1).map(trackOne)])
      .when(complete('trackRecord', 'TPK'))
      .thenRejects('B-DONE');
    expect(violations).toEqual([
      {
        rule: 'B-DONE',
        citation: 'Pergub NTT 113/2023 Pasal 11 ayat (4) dan ayat (5)',
        message: `rekam jejak ${candidates.at(-1)} dari atasan, rekan sejawat dan bawahan belum tercatat`,
        messageKey: 'B-DONE.trackRecordMissing',
        params: { nip: candidates.at(-1) },
      },
    ]);
  });
});
