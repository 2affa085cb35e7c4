import { MENDAGRI_REPORT_DEADLINE } from '../core/mendagri.js';
import type { RecordedDocument } from '../core/types.js';
import { actionDate, approvalRequiredOn, findVacancy } from './pergub113.context.js';
import { citedRule, eventRule, type CitedMessage } from './pergub113.rule-kit.js';
import type { PergubContext } from './pergub113.types.js';

/** B-PICK: the PPK picks one of the vacancy's 3 names; one person fills at most one post. */
export const pickOneOfThree = eventRule({
  id: 'B-PICK',
  citation: 'Pergub NTT 113/2023 Pasal 12 ayat (1)',
  on: {
    CandidateChosen: (context, { data: { vacancyId, nip } }) => {
      const vacancy = findVacancy(context, vacancyId);
      if (!vacancy || vacancy.subStatus !== 'shortlisted') {
        return [`${vacancyId} tidak menunggu pilihan PPK (${vacancy?.subStatus ?? 'tidak ada'})`];
      }
      const elsewhere = context.vacancies.find((v) => v.chosen === nip);
      return [
        ...(vacancy.shortlist.includes(nip)
          ? []
          : [`${nip} bukan salah satu dari 3 nama untuk ${vacancyId}`]),
        ...(elsewhere ? [`${nip} sudah dipilih untuk ${elsewhere.vacancyId}`] : []),
      ];
    },
  },
});

const PASAL_12_1 = 'Pergub NTT 113/2023 Pasal 12 ayat (1)';
const PASAL_12_2 = 'Pergub NTT 113/2023 Pasal 12 ayat (2)';

/** When §5 applies on `date`, a Mendagri approval dated on or before it must be recorded. */
function approvalMissing(context: PergubContext, date: string, act: string): CitedMessage[] {
  const requirement = approvalRequiredOn(context, date);
  const approved = context.mendagriApprovals.some((document) => document.date <= date);
  if (!requirement.required || approved) return [];
  return requirement.reasons.map((reason) => ({
    citation: reason.citation,
    message: `${act} tanggal ${date} memerlukan persetujuan tertulis Mendagri: ${reason.basis}`,
  }));
}

function decreeViolations(context: PergubContext, vacancyId: string, decree: RecordedDocument) {
  const vacancy = findVacancy(context, vacancyId);
  if (vacancy?.subStatus !== 'chosen') {
    return [
      {
        citation: PASAL_12_1,
        message: `${vacancyId} tidak berstatus dipilih PPK (${vacancy?.subStatus ?? 'tidak ada'})`,
      },
    ];
  }
  return approvalMissing(context, decree.date, `keputusan ${decree.number}`);
}

/**
 * B-INAUG (as A-INAUG): a decree only for the chosen name and an inauguration with oath only
 * after the decree; when §5 applies on the act's date, Mendagri's approval precedes it.
 */
export const inaugurationApproved = citedRule({
  id: 'B-INAUG',
  citation: `${PASAL_12_2}; PP 49/2008 Pasal 132A; UU 10/2016 Pasal 71 ayat (2) dan Pasal 162 ayat (3)`,
  on: {
    AppointmentDecreeIssued: (context, { data }) =>
      decreeViolations(context, data.vacancyId, data.decree),
    InaugurationRecorded: (context, event) => {
      const { vacancyId, date, oathTaken, mendagriApprovalRequired } = event.data;
      const vacancy = findVacancy(context, vacancyId);
      if (vacancy?.subStatus !== 'decreed' || !vacancy.decree) {
        return [
          {
            citation: PASAL_12_1,
            message: `${vacancyId} tidak berstatus ditetapkan dengan keputusan (${vacancy?.subStatus ?? 'tidak ada'})`,
          },
        ];
      }
      const problems = [
        ...(date >= vacancy.decree.date
          ? []
          : [`pelantikan ${date} sebelum keputusan ${vacancy.decree.date}`]),
        ...(date <= actionDate(event) ? [] : [`pelantikan ${date} belum terjadi`]),
        ...(oathTaken ? [] : ['pelantikan tanpa pengambilan sumpah/janji jabatan']),
        ...(mendagriApprovalRequired === approvalRequiredOn(context, date).required
          ? []
          : ['keterangan persetujuan Mendagri tidak sesuai tanggal pelantikan']),
      ].map((message) => ({ citation: PASAL_12_2, message }));
      return [...problems, ...approvalMissing(context, date, 'pelantikan')];
    },
  },
});

/** B-REPORT: inaugurations made under §5 are reported to Mendagri (each once). */
export const mendagriReport = eventRule({
  id: 'B-REPORT',
  citation: MENDAGRI_REPORT_DEADLINE.citation,
  on: {
    ReportedToMendagri: (context, { data: { vacancyIds } }) => [
      ...(vacancyIds.length > 0 ? [] : ['laporan tanpa jabatan yang dilaporkan']),
      ...vacancyIds
        .filter((id) => {
          const v = findVacancy(context, id);
          return !v?.inauguration?.approvalRequired || v.reportedToMendagri !== null;
        })
        .map((id) => `${id} bukan pelantikan dengan persetujuan Mendagri yang belum dilaporkan`),
    ],
  },
});
