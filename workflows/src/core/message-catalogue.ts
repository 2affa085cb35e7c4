import type { MessageParams, MessageTemplates } from './messages.js';

// The one catalogue of rule messages (422), Bahasa Indonesia first and English second, keyed by
// rule id and, where one rule says several things, a variant (`A-DONE.noVacancy`). The domain
// reports only the key and its parameters; core/messages.ts renders them. Texts name posts,
// applications, dates and counts, never an identifier of the code (messages.spec.ts checks).

const p = (params: MessageParams, name: string): string => String(params[name] ?? '');

/** The stages of both procedures as people say them. */
const STAGE_LABELS: Readonly<Record<string, { id: string; en: string }>> = {
  planning: { id: 'perencanaan', en: 'planning' },
  preparing: { id: 'persiapan', en: 'preparation' },
  registration: { id: 'pendaftaran', en: 'registration' },
  registrationClosed: { id: 'pendaftaran ditutup', en: 'registration closed' },
  administrativeSelection: { id: 'seleksi administrasi', en: 'administrative selection' },
  competencyAssessment: { id: 'penilaian kompetensi', en: 'competency assessment' },
  trackRecord: { id: 'penelusuran rekam jejak', en: 'track record' },
  interview: { id: 'wawancara', en: 'interview' },
  ranking: { id: 'pemeringkatan', en: 'ranking' },
  awaitingPpk: { id: 'menunggu keputusan PPK', en: 'awaiting the PPK' },
  inauguration: { id: 'pelantikan', en: 'inauguration' },
  constitutingTpk: { id: 'pembentukan TPK', en: 'forming the TPK' },
  inventory: { id: 'inventarisasi jabatan lowong', en: 'inventory of vacant posts' },
  mapping: { id: 'pemetaan', en: 'mapping' },
  reportedToPpk: { id: 'laporan kepada PPK', en: 'report to the PPK' },
  ppkChoice: { id: 'pilihan PPK', en: 'choice of the PPK' },
};
const stage = (params: MessageParams, name: string, language: 'id' | 'en'): string => {
  const value = p(params, name);
  return STAGE_LABELS[value]?.[language] ?? value;
};

export const MESSAGE_CATALOGUE: Readonly<Record<string, MessageTemplates>> = {
  // A-DONE: a stage ends only when its work is done
  'A-DONE.noVacancy': {
    id: () => 'belum ada lowongan yang didaftarkan',
    en: () => 'no vacancy is registered',
  },
  'A-DONE.noBasis': {
    id: () => 'dasar seleksi terbuka belum dicatat',
    en: () => 'the basis for an open selection is not recorded',
  },
  'A-DONE.belowMinimumUndecided': {
    id: (x) => `pelamar ${p(x, 'post')} kurang dari batas minimal dan belum ada keputusan`,
    en: (x) => `${p(x, 'post')} has fewer applicants than the minimum and no decision`,
  },
  'A-DONE.assessmentMissing': {
    id: (x) => `hasil asesmen untuk ${p(x, 'application')} belum dicatat`,
    en: (x) => `no assessment result for ${p(x, 'application')}`,
  },
  'A-DONE.technicalMissing': {
    id: (x) => `hasil uji kompetensi teknis untuk ${p(x, 'application')} belum dicatat`,
    en: (x) => `no technical result for ${p(x, 'application')}`,
  },
  'A-DONE.trackRecordMissing': {
    id: (x) => `hasil penelusuran rekam jejak untuk ${p(x, 'application')} belum dicatat`,
    en: (x) => `no track record for ${p(x, 'application')}`,
  },
  'A-DONE.interviewMissing': {
    id: (x) => `hasil wawancara untuk ${p(x, 'application')} belum dicatat`,
    en: (x) => `no interview result for ${p(x, 'application')}`,
  },
  'A-DONE.verificationMissing': {
    id: (x) => `Pansel belum memutuskan MS/TMS untuk ${p(x, 'application')}`,
    en: (x) => `the Pansel has not decided MS/TMS for ${p(x, 'application')}`,
  },
  'A-DONE.namesMissing': {
    id: (x) => `belum ada nama yang diusulkan untuk ${p(x, 'post')}`,
    en: (x) => `no names are proposed for ${p(x, 'post')}`,
  },
  'A-DONE.otherStage': {
    id: (x) =>
      `tahap saat ini adalah ${stage(x, 'current', 'id')}, bukan ${stage(x, 'stage', 'id')}`,
    en: (x) => `the current stage is ${stage(x, 'current', 'en')}, not ${stage(x, 'stage', 'en')}`,
  },
  'A-DONE.wrongDecider': {
    id: (x) =>
      `tahap ${stage(x, 'stage', 'id')} diselesaikan oleh ${p(x, 'decider')}, bukan ${p(x, 'completedBy')}`,
    en: (x) =>
      `the stage '${stage(x, 'stage', 'en')}' is completed by ${p(x, 'decider')}, not ${p(x, 'completedBy')}`,
  },
  // A-AGE: at most 56 unless the President approved a higher limit
  'A-AGE.approvalMissing': {
    id: (x) =>
      `batas usia ${p(x, 'maxAge')} tahun, di atas ${p(x, 'limit')}, memerlukan persetujuan Presiden`,
    en: (x) =>
      `an age limit of ${p(x, 'maxAge')}, above ${p(x, 'limit')}, needs the President's approval`,
  },
  'A-AGE.notPresident': {
    id: (x) =>
      `${p(x, 'issuer')} bukan Presiden: batas usia ${p(x, 'maxAge')} tahun memerlukan persetujuan Presiden`,
    en: (x) =>
      `${p(x, 'issuer')} is not the President: an age limit of ${p(x, 'maxAge')} needs the President's approval`,
  },
  'A-AGE.approvalLate': {
    id: (x) => `persetujuan Presiden bertanggal ${p(x, 'approvalDate')}, setelah ${p(x, 'date')}`,
    en: (x) => `the President's approval is dated ${p(x, 'approvalDate')}, after ${p(x, 'date')}`,
  },
  // A-REVIEW: the supervisory authority reviewed the results before the PPK chooses
  'A-REVIEW.missing': {
    id: (x) =>
      `belum ada rekomendasi pengawasan atas hasil seleksi bertanggal paling lambat ${p(x, 'date')} (KASN sampai peralihan, BKN sesudahnya)`,
    en: (x) =>
      `no supervisory recommendation on the results dated on or before ${p(x, 'date')} (KASN until the cut-over, BKN after)`,
  },
  // A-REASON: a choice other than the best-ranked name is recorded with its reason
  'A-REASON.missing': {
    id: (x) =>
      `${p(x, 'application')} berada di peringkat ${p(x, 'rank')}, bukan 1: pilihan PPK memerlukan alasannya`,
    en: (x) =>
      `${p(x, 'application')} is ranked ${p(x, 'rank')}, not 1: the PPK's choice needs its reason`,
  },
  // A-POSTREQ: MS only when every requirement of the post is shown met
  'A-POSTREQ.notMet': {
    id: (x) =>
      `dinyatakan MS padahal persyaratan ${p(x, 'requirement')} untuk ${p(x, 'post')} (${p(x, 'basis')}) belum terbukti terpenuhi`,
    en: (x) =>
      `MS although ${p(x, 'requirement')} of ${p(x, 'post')} (${p(x, 'basis')}) is not shown met`,
  },
  // B-DONE: a Pergub stage ends only when its work is done
  'B-DONE.noTpkDecree': {
    id: () => 'keputusan pembentukan TPK belum tercatat',
    en: () => 'the decree forming the TPK is not recorded',
  },
  'B-DONE.noSekretariatDecree': {
    id: () => 'keputusan pembentukan sekretariat TPK belum tercatat',
    en: () => 'the decree forming the TPK secretariat is not recorded',
  },
  'B-DONE.noVacancy': {
    id: () => 'belum ada jabatan lowong yang diinventarisasi',
    en: () => 'no vacant post is inventoried',
  },
  'B-DONE.notMapped': {
    id: (x) => `${p(x, 'nip')} belum dipetakan`,
    en: (x) => `${p(x, 'nip')} is not mapped`,
  },
  'B-DONE.trackRecordMissing': {
    id: (x) => `rekam jejak ${p(x, 'nip')} dari atasan, rekan sejawat dan bawahan belum tercatat`,
    en: (x) =>
      `the track record of ${p(x, 'nip')} from superiors, peers and subordinates is not recorded`,
  },
  'B-DONE.otherStage': {
    id: (x) =>
      `tahap ${stage(x, 'stage', 'id')} bukan tahap berjalan (${stage(x, 'current', 'id')})`,
    en: (x) =>
      `the stage '${stage(x, 'stage', 'en')}' is not the current one ('${stage(x, 'current', 'en')}')`,
  },
  'B-DONE.wrongDecider': {
    id: (x) =>
      `tahap ${stage(x, 'stage', 'id')} diselesaikan oleh ${p(x, 'decider')}, bukan ${p(x, 'completedBy')}`,
    en: (x) =>
      `the stage '${stage(x, 'stage', 'en')}' is completed by ${p(x, 'decider')}, not ${p(x, 'completedBy')}`,
  },
};
