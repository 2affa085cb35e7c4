import {
  activeVacancies,
  actionDate,
  candidateNips,
  findVacancy,
  isTerminal,
} from './pergub113.context.js';
import {
  blockingResults,
  evaluateEligibility,
  type LetterResult,
} from './pergub113.eligibility.js';
import type { Pergub113Event } from './pergub113.events.js';
import { citedRule, duplicates, eventRule, type CitedMessage } from './pergub113.rule-kit.js';
import type { PergubContext, PergubVacancy, TrackRecordSource } from './pergub113.types.js';

const ESELON_OF: Record<PergubVacancy['jabatan'], readonly string[]> = {
  ADMINISTRATOR: ['III.a', 'III.b'],
  PENGAWAS: ['IV.a', 'IV.b'],
};

/** B-VAC: an inventoried post is an open Administrator (eselon III) or Pengawas (IV) post. */
export const vacancyInventory = eventRule({
  id: 'B-VAC',
  citation: [
    { until: '2023-10-30', text: 'Pergub NTT 113/2023 Pasal 9 ayat (1) jo UU 5/2014 Pasal 131' },
    {
      from: '2023-10-31',
      text: 'Pergub NTT 113/2023 Pasal 9 ayat (1) dan Pasal 3-4 (Jabatan Administrator: eselon III; Jabatan Pengawas: eselon IV) [UNVERIFIED: padanan eselon menurut UU 20/2023 dan peraturan pelaksananya]',
    },
  ],
  on: {
    VacancyRecorded: (context, { data: { vacancy } }) => [
      ...(findVacancy(context, vacancy.vacancyId) ? [`${vacancy.vacancyId} sudah tercatat`] : []),
      ...(ESELON_OF[vacancy.jabatan].includes(vacancy.eselon)
        ? []
        : [`eselon ${vacancy.eselon} bukan jabatan ${vacancy.jabatan}`]),
      ...(vacancy.status === 'AKAN_LOWONG' && vacancy.tmt === undefined
        ? [`${vacancy.vacancyId} akan lowong tanpa TMT`]
        : []),
    ],
    VacancyCancelled: (context, { data }) => {
      const vacancy = findVacancy(context, data.vacancyId);
      if (!vacancy) return [`${data.vacancyId} tidak ada dalam inventarisasi`];
      return isTerminal(vacancy) ? [`${data.vacancyId} sudah ${vacancy.subStatus}`] : [];
    },
  },
});

/** B-LIST: the eligible list is prepared for an inventoried post, each PNS once. */
export const eligibleListPrepared = eventRule({
  id: 'B-LIST',
  citation: 'Pergub NTT 113/2023 Pasal 10 huruf a',
  on: {
    EligibleListPrepared: (context, { data }) => {
      const vacancy = findVacancy(context, data.vacancyId);
      return [
        ...(!vacancy || vacancy.subStatus === 'cancelled'
          ? [`${data.vacancyId} bukan jabatan lowong dalam inventarisasi`]
          : []),
        ...(data.profiles.length === 0 ? ['daftar PNS kosong'] : []),
        ...duplicates(data.profiles.map((p) => p.nip)).map((nip) => `NIP ${nip} lebih dari sekali`),
      ];
    },
  },
});

const LIST_CITATION = 'Pergub NTT 113/2023 Pasal 10 huruf a';

/** Why `nip` cannot stand for `vacancy`, each reason with its Pasal and huruf. */
function ineligibility(
  context: PergubContext,
  vacancy: PergubVacancy,
  nip: string,
  event: Pergub113Event,
  requireMapping: boolean,
): CitedMessage[] {
  const profile = context.profiles[nip];
  if (!profile || !vacancy.screened.some((entry) => entry.nip === nip)) {
    return [
      {
        citation: LIST_CITATION,
        message: `${nip} tidak ada dalam daftar PNS yang disiapkan untuk ${vacancy.vacancyId}`,
      },
    ];
  }
  const results = evaluateEligibility({
    profile,
    post: vacancy,
    asOf: actionDate(event),
    ...(context.mapping[nip] ? { mapping: context.mapping[nip] } : {}),
  });
  return blockingResults(results, requireMapping).map((r: LetterResult) => ({
    citation: r.citation,
    message: `${profile.name} (${nip}) untuk ${vacancy.vacancyId}: ${r.outcome}, ${r.reason}`,
  }));
}

const eligibilityOf = (
  context: PergubContext,
  lists: readonly { vacancyId: string; nips: string[] }[],
  event: Pergub113Event,
  requireMapping: boolean,
) =>
  lists.flatMap(({ vacancyId, nips }) => {
    const vacancy = findVacancy(context, vacancyId);
    return vacancy
      ? nips.flatMap((nip) => ineligibility(context, vacancy, nip, event, requireMapping))
      : [];
  });

/**
 * B-ELIG: every candidate meets Pasal 3 (Administrator) or Pasal 4 (Pengawas) a-h as of the
 * action's date; huruf f may wait for the mapping until the report to the PPK.
 */
export const candidateEligibility = citedRule({
  id: 'B-ELIG',
  citation: 'Pergub NTT 113/2023 Pasal 3 dan Pasal 4',
  on: {
    CandidatesSet: (context, event) => eligibilityOf(context, event.data.candidates, event, false),
    ReportedToPPK: (context, event) => eligibilityOf(context, event.data.shortlists, event, true),
  },
});

/** Each active vacancy named once, and only active vacancies. */
function perVacancy(context: PergubContext, lists: readonly { vacancyId: string }[]): string[] {
  const named = lists.map((l) => l.vacancyId);
  return [
    ...activeVacancies(context)
      .filter((v) => !named.includes(v.vacancyId))
      .map((v) => `tidak ada nama untuk ${v.vacancyId}`),
    ...named
      .filter((id) => !activeVacancies(context).some((v) => v.vacancyId === id))
      .map((id) => `${id} bukan jabatan lowong dalam seleksi ini`),
    ...duplicates(named).map((id) => `${id} disebut lebih dari sekali`),
  ];
}

/** B-3X: the TPK sets at least 3 times as many candidates as vacancies, at least 3 per post. */
export const threeTimesCandidates = eventRule({
  id: 'B-3X',
  citation: 'Pergub NTT 113/2023 Pasal 10 huruf c',
  on: {
    CandidatesSet: (context, { data: { candidates } }) => {
      const vacancies = activeVacancies(context).length;
      const distinct = new Set(candidates.flatMap((c) => c.nips)).size;
      return [
        ...perVacancy(context, candidates),
        ...(distinct >= 3 * vacancies
          ? []
          : [`${distinct} kandidat untuk ${vacancies} jabatan: paling rendah ${3 * vacancies}`]),
        ...candidates
          .filter((c) => new Set(c.nips).size < 3)
          .map((c) => `${c.vacancyId} hanya ${new Set(c.nips).size} kandidat: paling rendah 3`),
      ];
    },
  },
});

const notCandidate = (context: PergubContext, nip: string) =>
  candidateNips(context).includes(nip) ? [] : [`${nip} bukan kandidat yang ditetapkan TPK`];

/** B-MAP: the Assessment Center maps the TPK's candidates (result in percent). */
export const mappingOfCandidates = eventRule({
  id: 'B-MAP',
  citation: 'Pergub NTT 113/2023 Pasal 11 ayat (1) dan ayat (2)',
  on: {
    MappingResultRecorded: (context, { data }) => [
      ...notCandidate(context, data.nip),
      ...(data.result.jpm >= 0 && data.result.jpm <= 100
        ? []
        : [`JPM ${data.result.jpm} di luar 0-100`]),
    ],
  },
});

const TRACK_SOURCES: readonly TrackRecordSource[] = ['ATASAN', 'REKAN_SEJAWAT', 'BAWAHAN'];

/** B-360: a candidate's track record comes from the superior, peers and subordinates. */
export const trackRecordSources = eventRule({
  id: 'B-360',
  citation: 'Pergub NTT 113/2023 Pasal 11 ayat (4) dan ayat (5)',
  on: {
    TrackRecordRecorded: (context, { data }) => [
      ...notCandidate(context, data.nip),
      ...TRACK_SOURCES.filter(
        (source) => !data.sources.some((s) => s.source === source && s.summary.trim() !== ''),
      ).map((source) => `rekam jejak dari ${source} belum ada`),
    ],
  },
});

/**
 * B-THREE: the report to the PPK names exactly 3 mapped candidates per vacancy, as distinct people
 * across the vacancies: "sebanyak 3 (tiga) kali jumlah Jabatan yang lowong" (Pasal 11 ayat (7)).
 */
export const threeNamesPerVacancy = eventRule({
  id: 'B-THREE',
  citation: 'Pergub NTT 113/2023 Pasal 11 ayat (6) dan ayat (7)',
  on: {
    ReportedToPPK: (context, { data: { shortlists } }) => [
      ...perVacancy(context, shortlists),
      ...duplicates(shortlists.flatMap(({ nips }) => [...new Set(nips)])).map(
        (nip) =>
          `${nip} diusulkan untuk lebih dari satu jabatan: 3 kali jumlah jabatan, orang yang berbeda`,
      ),
      ...shortlists.flatMap(({ vacancyId, nips }) => {
        const vacancy = findVacancy(context, vacancyId);
        return [
          ...(new Set(nips).size === 3 && nips.length === 3
            ? []
            : [`${vacancyId}: ${nips.length} nama, harus tepat 3 berbeda`]),
          ...nips
            .filter(
              (nip) => vacancy && (!vacancy.candidates.includes(nip) || !context.mapping[nip]),
            )
            .map((nip) => `${nip} bukan kandidat ${vacancyId} yang telah dipetakan`),
        ];
      }),
    ],
  },
});
