import {
  administratorPool,
  after,
  aProfile,
  CANDIDATES,
  cmd,
  doc,
  listed,
  mapped,
  nip,
  pengawasPool,
  reported,
  track,
} from './pergub113.fixtures.js';

const setCandidates = (candidates: { vacancyId: string; nips: string[] }[]) =>
  cmd('SetCandidates', { candidates }, 'TPK', '2025-03-24');
const nips = (...ns: number[]) => ns.map(nip);

describe('B-ELIG candidateEligibility', () => {
  it('accepts candidates who meet every letter but f, which waits for the mapping', () => {
    const next = after(listed())
      .when(setCandidates(CANDIDATES()))
      .then([expect.objectContaining({ type: 'CandidatesSet' })]);
    expect(next.state).toBe('mapping');
    expect(next.context.vacancies.map((v) => [v.subStatus, v.candidates.length])).toEqual([
      ['candidatesSet', 3],
      ['candidatesSet', 3],
    ]);
  });

  it('rejects a D-III graduate as candidate for an Administrator post (Pasal 3 huruf d)', () => {
    const v1Pool = [...administratorPool(), aProfile(4, { education: { level: 'D-III' } })];
    const candidates = [{ vacancyId: 'V1', nips: nips(1, 2, 4) }, CANDIDATES()[1]!];
    const violations = after(listed({ v1Pool }))
      .when(setCandidates(candidates))
      .thenRejects('B-ELIG');
    expect(violations).toEqual([
      {
        rule: 'B-ELIG',
        citation: 'Pergub NTT 113/2023 Pasal 3 huruf d',
        message: `PNS 4 (${nip(4)}) untuk V1: fail, pendidikan D-III di bawah S1`,
      },
    ]);
  });

  it('rejects an SMA graduate for a Pengawas post (Pasal 4 huruf d) and a pending health letter (huruf h)', () => {
    const unfit = aProfile(14, { education: { level: 'SMA/SMK' } }, true);
    const unknownHealth = aProfile(15, { health: undefined }, true);
    delete unknownHealth.health;
    const v2Pool = [...pengawasPool(), unfit, unknownHealth];
    const candidates = [CANDIDATES()[0]!, { vacancyId: 'V2', nips: nips(11, 14, 15) }];
    const violations = after(listed({ v2Pool }))
      .when(setCandidates(candidates))
      .thenRejects('B-ELIG');
    expect(violations.map((v) => [v.citation, v.message.split(': ')[1]])).toEqual([
      ['Pergub NTT 113/2023 Pasal 4 huruf d', 'fail, pendidikan SMA/SMK di bawah D-III'],
      ['Pergub NTT 113/2023 Pasal 4 huruf h', 'pending, keterangan sehat belum tercatat'],
    ]);
  });

  it('rejects a PNS the Sekretariat never screened for that post (Pasal 10 huruf a)', () => {
    const candidates = [
      { vacancyId: 'V1', nips: nips(1, 2, 3) },
      { vacancyId: 'V2', nips: nips(11, 12, 3) },
    ];
    expect(
      after(listed())
        .when(setCandidates(candidates))
        .thenRejects('B-ELIG', 'B-3X')
        .filter((v) => v.rule === 'B-ELIG'),
    ).toEqual([
      {
        rule: 'B-ELIG',
        citation: 'Pergub NTT 113/2023 Pasal 10 huruf a',
        message: `${nip(3)} tidak ada dalam daftar PNS yang disiapkan untuk V2`,
      },
    ]);
  });

  it('rejects, in the report to the PPK, a candidate mapped KMS (Pasal 3 huruf f)', () => {
    // the mapping may end with a KMS result; the report to the PPK is where huruf f must pass
    const kms = (n: string) =>
      n === nip(2) ? { jpm: 52, category: 'KMS' as const } : { jpm: 80, category: 'MS' as const };
    const commands = reported({ mappingOf: kms }).slice(0, -1);
    const report = cmd(
      'ReportToPPK',
      { report: doc('LAP', '2025-05-05'), shortlists: CANDIDATES() },
      'TPK',
      '2025-05-05',
    );
    expect(after(commands).when(report).thenRejects('B-ELIG')).toEqual([
      {
        rule: 'B-ELIG',
        citation: 'Pergub NTT 113/2023 Pasal 3 huruf f',
        message: `PNS 2 (${nip(2)}) untuk V1: fail, hasil pemetaan KMS (JPM 52%)`,
      },
    ]);
  });
});

describe('B-3X threeTimesCandidates', () => {
  const X3 = 'Pergub NTT 113/2023 Pasal 10 huruf c';
  const v1Pool = [...administratorPool(), aProfile(4)];
  const v2Pool = [...pengawasPool(), aProfile(14, {}, true)];

  it('accepts more than 3 times as many candidates as posts', () => {
    const candidates = [
      { vacancyId: 'V1', nips: nips(1, 2, 3, 4) },
      { vacancyId: 'V2', nips: nips(11, 12, 13, 14) },
    ];
    after(listed({ v1Pool, v2Pool })).when(setCandidates(candidates)).then([expect.anything()]);
  });

  it('rejects 5 candidates for 2 posts', () => {
    const candidates = [
      { vacancyId: 'V1', nips: nips(1, 2, 3) },
      { vacancyId: 'V2', nips: nips(11, 12) },
    ];
    expect(after(listed()).when(setCandidates(candidates)).thenRejects('B-3X')).toEqual([
      { rule: 'B-3X', citation: X3, message: '5 kandidat untuk 2 jabatan: paling rendah 6' },
      { rule: 'B-3X', citation: X3, message: 'V2 hanya 2 kandidat: paling rendah 3' },
    ]);
  });

  it('counts a person named for two posts once', () => {
    const shared = aProfile(5, {
      experience: [
        { kind: 'PELAKSANA', from: '2008-01-02', to: '2014-12-31', relevantField: true },
        { kind: 'PENGAWAS', from: '2015-01-02', relevantField: true },
      ],
    });
    const candidates = [
      { vacancyId: 'V1', nips: nips(1, 2, 5) },
      { vacancyId: 'V2', nips: nips(11, 12, 5) },
    ];
    const messages = after(
      listed({ v1Pool: [...administratorPool(), shared], v2Pool: [...pengawasPool(), shared] }),
    )
      .when(setCandidates(candidates))
      .thenRejects('B-3X')
      .map((v) => v.message);
    expect(messages).toEqual(['5 kandidat untuk 2 jabatan: paling rendah 6']);
  });

  it.each([
    [
      'a post without candidates',
      [{ vacancyId: 'V1', nips: nips(1, 2, 3) }],
      'tidak ada nama untuk V2',
    ],
    [
      'an unknown post',
      [...CANDIDATES(), { vacancyId: 'V9', nips: [] }],
      'V9 bukan jabatan lowong dalam seleksi ini',
    ],
    ['a post named twice', [...CANDIDATES(), CANDIDATES()[0]!], 'V1 disebut lebih dari sekali'],
  ])('rejects %s', (_name, candidates, message) => {
    const messages = after(listed())
      .when(setCandidates(candidates))
      .thenRejects('B-3X')
      .map((v) => v.message);
    expect(messages).toContain(message);
  });
});

describe('B-MAP mappingOfCandidates', () => {
  const MAP = 'Pergub NTT 113/2023 Pasal 11 ayat (1) dan ayat (2)';
  const mapping = (n: string, jpm = 80) =>
    cmd('RecordMappingResult', { nip: n, jpm, category: 'MS' }, 'ASESOR', '2025-04-14');
  const atMapping = [...listed(), setCandidates(CANDIDATES())];

  it('accepts the Assessment Center’s result for a candidate', () => {
    const next = after(atMapping)
      .when(mapping(nip(1)))
      .then([expect.anything()]);
    expect(next.context.mapping[nip(1)]).toEqual({ jpm: 80, category: 'MS' });
  });

  it.each([
    [
      'a PNS who is not a candidate',
      mapping(nip(44)),
      `${nip(44)} bukan kandidat yang ditetapkan TPK`,
    ],
    ['a JPM above 100%', mapping(nip(1), 120), 'JPM 120 di luar 0-100'],
  ])('rejects %s', (_name, command, message) => {
    expect(after(atMapping).when(command).thenRejects('B-MAP')).toEqual([
      { rule: 'B-MAP', citation: MAP, message },
    ]);
  });
});

describe('B-360 trackRecordSources', () => {
  const T360 = 'Pergub NTT 113/2023 Pasal 11 ayat (4) dan ayat (5)';
  const record = (n: string, sources = track()) =>
    cmd('RecordTrackRecord', { nip: n, sources }, 'TPK', '2025-04-28');

  it('accepts inputs from the superior, peers and subordinates', () => {
    const next = after(mapped())
      .when(record(nip(1)))
      .then([expect.anything()]);
    expect(next.context.trackRecords[nip(1)]).toHaveLength(3);
  });

  it.each([
    ['no subordinate', track().slice(0, 2), nip(1), ['rekam jejak dari BAWAHAN belum ada']],
    [
      'an empty summary from the superior',
      track().map((s, i) => (i === 0 ? { ...s, summary: ' ' } : s)),
      nip(1),
      ['rekam jejak dari ATASAN belum ada'],
    ],
    [
      'a PNS who is not a candidate',
      track(),
      nip(44),
      [`${nip(44)} bukan kandidat yang ditetapkan TPK`],
    ],
  ])('rejects %s', (_name, sources, n, messages) => {
    expect(after(mapped()).when(record(n, sources)).thenRejects('B-360')).toEqual(
      messages.map((message) => ({ rule: 'B-360', citation: T360, message })),
    );
  });
});

describe('B-THREE threeNamesPerVacancy', () => {
  const THREE = 'Pergub NTT 113/2023 Pasal 11 ayat (6) dan ayat (7)';
  const v1Pool = [...administratorPool(), aProfile(4)];
  const candidates = [{ vacancyId: 'V1', nips: nips(1, 2, 3, 4) }, CANDIDATES()[1]!];
  const beforeReport = reported({ v1Pool, candidates }).slice(0, -1);
  const report = (shortlists: { vacancyId: string; nips: string[] }[]) =>
    cmd('ReportToPPK', { report: doc('LAP', '2025-05-05'), shortlists }, 'TPK', '2025-05-05');

  it('accepts exactly 3 mapped candidates per post', () => {
    const next = after(beforeReport)
      .when(report([{ vacancyId: 'V1', nips: nips(4, 2, 3) }, CANDIDATES()[1]!]))
      .then([expect.anything()]);
    expect(next.state).toBe('ppkChoice');
    expect(next.context.vacancies[0]).toMatchObject({
      subStatus: 'shortlisted',
      shortlist: nips(4, 2, 3),
    });
  });

  it.each([
    [
      '2 names',
      [{ vacancyId: 'V1', nips: nips(1, 2) }, CANDIDATES()[1]!],
      ['V1: 2 nama, harus tepat 3 berbeda'],
    ],
    [
      '4 names',
      [{ vacancyId: 'V1', nips: nips(1, 2, 3, 4) }, CANDIDATES()[1]!],
      ['V1: 4 nama, harus tepat 3 berbeda'],
    ],
    [
      'a name repeated',
      [{ vacancyId: 'V1', nips: nips(1, 1, 2) }, CANDIDATES()[1]!],
      ['V1: 3 nama, harus tepat 3 berbeda'],
    ],
    [
      'a candidate of another post',
      [{ vacancyId: 'V1', nips: nips(1, 2, 11) }, CANDIDATES()[1]!],
      [
        `${nip(11)} diusulkan untuk lebih dari satu jabatan: 3 kali jumlah jabatan, orang yang berbeda`,
        `${nip(11)} bukan kandidat V1 yang telah dipetakan`,
      ],
    ],
    [
      'no names for a post',
      [{ vacancyId: 'V1', nips: nips(1, 2, 3) }],
      ['tidak ada nama untuk V2'],
    ],
  ])('rejects %s', (_name, shortlists, messages) => {
    const violations = after(beforeReport)
      .when(report(shortlists))
      .thenRejects(
        ...(messages.some((m) => m.includes('kandidat V1')) ? ['B-THREE', 'B-ELIG'] : ['B-THREE']),
      );
    expect(violations.filter((v) => v.rule === 'B-THREE')).toEqual(
      messages.map((message) => ({ rule: 'B-THREE', citation: THREE, message })),
    );
  });
});
