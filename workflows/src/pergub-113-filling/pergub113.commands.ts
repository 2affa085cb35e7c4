import type { Command, RecordedDocument, Role } from '../core/types.js';
import type { PilkadaSchedule } from '../core/reference/pilkada.js';
import type {
  MappingResult,
  Pergub113Stage,
  PergubVacancyInput,
  PnsProfile,
  PpkStatusEntry,
  SekretariatMember,
  TpkMember,
  TrackRecordInput,
} from './pergub113.types.js';

// The commands of procedure B (docs/domain.md §4, §7): PascalCase imperative, payloads in camelCase.

type Names = { vacancyId: string; nips: string[] };

export type Pergub113Command =
  | Command<'OpenSelection', { selectionId: string; title: string; pilkada?: PilkadaSchedule[] }>
  | Command<'FormTPK', { decree: RecordedDocument; members: TpkMember[] }>
  | Command<'FormSekretariatTPK', { decree: RecordedDocument; members: SekretariatMember[] }>
  | Command<'RecordVacancy', PergubVacancyInput>
  | Command<'SubmitInventoryToTPK', Record<string, never>>
  | Command<'PrepareEligibleList', { vacancyId: string; profiles: PnsProfile[] }>
  | Command<'SetCandidates', { candidates: Names[] }>
  | Command<'RecordMappingResult', { nip: string } & MappingResult>
  | Command<'RecordTrackRecord', { nip: string; sources: TrackRecordInput[] }>
  | Command<'CompleteStage', { stage: Pergub113Stage }>
  | Command<'ReportToPPK', { report: RecordedDocument; shortlists: Names[] }>
  | Command<'ChooseCandidate', { vacancyId: string; nip: string }>
  | Command<'RecordMendagriApproval', { document: RecordedDocument }>
  | Command<'IssueAppointmentDecree', { vacancyId: string; decree: RecordedDocument }>
  | Command<'RecordInauguration', { vacancyId: string; date: string; oathTaken: boolean }>
  | Command<'ReportToMendagri', { document: RecordedDocument; vacancyIds: string[] }>
  | Command<'CancelVacancy', { vacancyId: string; reason: string }>
  | Command<'CancelFilling', { reason: string }>
  | Command<'RecordPpkStatus', PpkStatusEntry & { document?: RecordedDocument }>
  | Command<'SetPlannedSchedule', { dates: Partial<Record<Pergub113Stage, string>> }>;

export type Pergub113CommandType = Pergub113Command['type'];
export type Pergub113CommandOf<T extends Pergub113CommandType> = Extract<
  Pergub113Command,
  { type: T }
>;

/**
 * Who may issue each command (docs/domain.md §1, §4): the one role table the API guard and the docs
 * read. `CompleteStage` is PPK for `constitutingTpk` and TPK for `mapping` and `trackRecord`
 * (PERGUB113_STAGE_COMPLETERS; B-DONE checks the pairing).
 */
export const PERGUB113_ROLES: Record<Pergub113CommandType, readonly Role[]> = {
  OpenSelection: ['SEKRETARIAT'],
  FormTPK: ['PPK'],
  FormSekretariatTPK: ['SEKDA'],
  RecordVacancy: ['SEKRETARIAT'],
  SubmitInventoryToTPK: ['SEKRETARIAT'],
  PrepareEligibleList: ['SEKRETARIAT'],
  SetCandidates: ['TPK'],
  RecordMappingResult: ['ASESOR'],
  RecordTrackRecord: ['TPK'],
  CompleteStage: ['PPK', 'TPK'],
  ReportToPPK: ['TPK'],
  ChooseCandidate: ['PPK'],
  RecordMendagriApproval: ['SEKRETARIAT'],
  IssueAppointmentDecree: ['PPK'],
  RecordInauguration: ['PPK'],
  ReportToMendagri: ['SEKRETARIAT'],
  CancelVacancy: ['PPK'],
  CancelFilling: ['PPK'],
  RecordPpkStatus: ['SEKRETARIAT'],
  SetPlannedSchedule: ['SEKRETARIAT'],
};
