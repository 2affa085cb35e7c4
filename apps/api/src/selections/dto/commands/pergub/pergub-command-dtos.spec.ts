import { validCommandBody } from '../../../command-body.js';
import { PERGUB_COMMAND_DTOS } from './index.js';

// Shape only: each Pergub 113 DTO takes a well-formed body and names every malformed field; the
// law (B-TPK, B-ELIG, ...) is judged by the procedure, never here.

const NIP1 = '198001012005011001';
const NIP2 = '198001012005011002';
const doc = { issuer: 'Gubernur NTT', number: 'KEP/1', date: '2025-03-05', subject: 'TPK' };
const profile = {
  nip: NIP1,
  name: 'PNS 1',
  birthDate: '1975-03-01',
  asnStatus: 'PNS',
  integrity: { attested: true },
  pangkat: { code: 'IV/a', tmt: '2021-04-01' },
  education: { level: 'S1' },
  appraisals: [
    { year: 2023, regime: 'PP46/2011', elements: [80, 81] },
    { year: 2024, regime: 'PermenPANRB6/2022', predikat: 'Baik' },
  ],
  experience: [{ kind: 'PENGAWAS', from: '2015-01-02', relevantField: true }],
  health: { physical: true, mental: true },
  jabatan: { eselon: 'IV.a', since: '2015-01-02' },
  masaKerjaMonths: 240,
  leadershipTraining: { level: 'PKP', passedOn: '2016-05-01' },
};

const VALID: Record<string, Record<string, unknown>> = {
  FormTPK: {
    decree: doc,
    members: [{ nip: NIP1, name: 'Sekda', position: 'Sekda', covers: ['SEKDA'] }],
  },
  FormSekretariatTPK: {
    decree: doc,
    members: [
      {
        nip: NIP2,
        name: 'Kabid',
        position: 'KEPALA_BIDANG_PENGEMBANGAN_KARIER',
        atBkd: true,
        coordinator: true,
      },
    ],
  },
  RecordVacancy: {
    vacancyId: 'V2',
    title: 'Kasi',
    unit: 'Dikbud',
    eselon: 'IV.a',
    jabatan: 'PENGAWAS',
    status: 'AKAN_LOWONG',
    tmt: '2025-12-01',
  },
  SubmitInventoryToTPK: {},
  PrepareEligibleList: { vacancyId: 'V1', profiles: [profile, { nip: NIP2, name: 'PNS 2' }] },
  SetCandidates: { candidates: [{ vacancyId: 'V1', nips: [NIP1, NIP2] }] },
  RecordMappingResult: { nip: NIP1, jpm: 78.5, category: 'MMS' },
  RecordTrackRecord: {
    nip: NIP1,
    sources: [{ source: 'ATASAN', respondent: { nip: NIP2, name: 'Atasan' }, summary: 'baik' }],
  },
  ReportToPPK: { report: doc, shortlists: [{ vacancyId: 'V1', nips: [NIP1] }] },
  ChooseCandidate: { vacancyId: 'V1', nip: NIP1 },
  RecordMendagriApproval: { document: { ...doc, issuer: 'Menteri Dalam Negeri' } },
  RecordInauguration: { vacancyId: 'V1', date: '2025-05-19', oathTaken: true },
  ReportToMendagri: { document: doc, vacancyIds: ['V1'] },
};

const fieldsOf = async (type: string, body: unknown) => {
  try {
    await validCommandBody(PERGUB_COMMAND_DTOS[type]!, body);
    return [];
  } catch (error) {
    return (error as { details: { errors: { field: string }[] } }).details.errors.map(
      (e) => e.field,
    );
  }
};

describe('Pergub 113 command DTOs', () => {
  it('covers exactly the commands with a valid sample here', () => {
    expect(Object.keys(PERGUB_COMMAND_DTOS).sort()).toEqual(Object.keys(VALID).sort());
  });

  it.each(Object.entries(VALID))('%s accepts a well-formed body unchanged', async (type, body) => {
    await expect(validCommandBody(PERGUB_COMMAND_DTOS[type]!, body)).resolves.toEqual(body);
  });

  it.each([
    [
      'FormTPK',
      { decree: doc, members: [{ nip: NIP1, name: 'x', position: 'p', covers: ['GUBERNUR'] }] },
      ['members[0].covers'],
    ],
    [
      'RecordVacancy',
      { ...VALID.RecordVacancy, jabatan: 'JPT', tmt: '2025-13-01' },
      ['jabatan', 'tmt'],
    ],
    ['SubmitInventoryToTPK', { force: true }, ['force']],
    [
      'SetCandidates',
      { candidates: [{ vacancyId: 'V1', nips: [NIP1, '123'] }] },
      ['candidates[0].nips'],
    ],
    ['RecordMappingResult', { nip: NIP1, jpm: '80', category: 'OK' }, ['jpm', 'category']],
    [
      'RecordInauguration',
      { vacancyId: 'V1', date: '19-05-2025', oathTaken: 'ya' },
      ['date', 'oathTaken'],
    ],
    [
      'ReportToMendagri',
      { document: { ...doc, date: undefined }, vacancyIds: [''] },
      ['document.date', 'vacancyIds'],
    ],
  ])('%s names every malformed field', async (type, body, fields) => {
    expect((await fieldsOf(type, body)).sort()).toEqual([...fields].sort());
  });

  it('asks an appraisal for elements under PP 46/2011 and a predikat under the later regimes', async () => {
    const appraisals = [
      { year: 2023, regime: 'PP46/2011', predikat: 'Baik' },
      { year: 2024, regime: 'PP30/2019', elements: [90] },
    ];
    const fields = await fieldsOf('PrepareEligibleList', {
      vacancyId: 'V1',
      profiles: [{ ...profile, appraisals }],
    });
    expect(fields.sort()).toEqual([
      'profiles[0].appraisals[0].elements',
      'profiles[0].appraisals[1].predikat',
    ]);
  });

  it('lets a profile leave out what is not known yet (its letters stay pending)', async () => {
    await expect(
      fieldsOf('PrepareEligibleList', { vacancyId: 'V1', profiles: [{ nip: NIP1, name: 'PNS' }] }),
    ).resolves.toEqual([]);
  });
});
