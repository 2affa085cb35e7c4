import type { PilkadaSchedule } from '../core/reference/pilkada.js';
import type { DomainEvent, RecordedDocument, Role } from '../core/types.js';
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

// The stored contract of a Pergub NTT 113/2023 filling round: PascalCase past tense, never renamed.
// Every event's data carries `occurredAt` (the command's `now`).

export type SelectionOpened = DomainEvent<
  'SelectionOpened',
  { selectionId: string; title: string; pilkada: PilkadaSchedule[] }
>;
export type TPKFormed = DomainEvent<
  'TPKFormed',
  { decree: RecordedDocument; members: TpkMember[] }
>;
export type SekretariatTPKFormed = DomainEvent<
  'SekretariatTPKFormed',
  { decree: RecordedDocument; members: SekretariatMember[] }
>;
export type VacancyRecorded = DomainEvent<'VacancyRecorded', { vacancy: PergubVacancyInput }>;
export type InventorySubmittedToTPK = DomainEvent<
  'InventorySubmittedToTPK',
  { vacancyIds: string[] }
>;
export type EligibleListPrepared = DomainEvent<
  'EligibleListPrepared',
  { vacancyId: string; profiles: PnsProfile[] }
>;
export type CandidatesSet = DomainEvent<
  'CandidatesSet',
  { candidates: { vacancyId: string; nips: string[] }[] }
>;
export type MappingResultRecorded = DomainEvent<
  'MappingResultRecorded',
  { nip: string; result: MappingResult }
>;
export type TrackRecordRecorded = DomainEvent<
  'TrackRecordRecorded',
  { nip: string; sources: TrackRecordInput[] }
>;
export type StageCompleted = DomainEvent<
  'StageCompleted',
  { stage: Pergub113Stage; completedBy: Role }
>;
export type ReportedToPPK = DomainEvent<
  'ReportedToPPK',
  { report: RecordedDocument; shortlists: { vacancyId: string; nips: string[] }[] }
>;
export type CandidateChosen = DomainEvent<'CandidateChosen', { vacancyId: string; nip: string }>;
export type MendagriApprovalRecorded = DomainEvent<
  'MendagriApprovalRecorded',
  { document: RecordedDocument }
>;
export type AppointmentDecreeIssued = DomainEvent<
  'AppointmentDecreeIssued',
  { vacancyId: string; decree: RecordedDocument }
>;
export type InaugurationRecorded = DomainEvent<
  'InaugurationRecorded',
  {
    vacancyId: string;
    date: string;
    oathTaken: boolean;
    /** Whether docs/domain.md §5 applied on `date`, and then the 7-working-day report's last day. */
    mendagriApprovalRequired: boolean;
    reportDueOn?: string;
  }
>;
export type ReportedToMendagri = DomainEvent<
  'ReportedToMendagri',
  { document: RecordedDocument; vacancyIds: string[] }
>;
export type VacancyCancelled = DomainEvent<
  'VacancyCancelled',
  { vacancyId: string; reason: string }
>;
export type FillingCancelled = DomainEvent<'FillingCancelled', { reason: string }>;
export type PPKStatusRecorded = DomainEvent<
  'PPKStatusRecorded',
  PpkStatusEntry & { document?: RecordedDocument }
>;
export type PlannedScheduleSet = DomainEvent<
  'PlannedScheduleSet',
  { dates: Partial<Record<Pergub113Stage, string>> }
>;

export type Pergub113Event =
  | SelectionOpened
  | TPKFormed
  | SekretariatTPKFormed
  | VacancyRecorded
  | InventorySubmittedToTPK
  | EligibleListPrepared
  | CandidatesSet
  | MappingResultRecorded
  | TrackRecordRecorded
  | StageCompleted
  | ReportedToPPK
  | CandidateChosen
  | MendagriApprovalRecorded
  | AppointmentDecreeIssued
  | InaugurationRecorded
  | ReportedToMendagri
  | VacancyCancelled
  | FillingCancelled
  | PPKStatusRecorded
  | PlannedScheduleSet;

export type Pergub113EventType = Pergub113Event['type'];

/** Every stored event type of procedure B, for projections and for the API's documentation. */
export const PERGUB113_EVENT_TYPES = [
  'SelectionOpened',
  'TPKFormed',
  'SekretariatTPKFormed',
  'VacancyRecorded',
  'InventorySubmittedToTPK',
  'EligibleListPrepared',
  'CandidatesSet',
  'MappingResultRecorded',
  'TrackRecordRecorded',
  'StageCompleted',
  'ReportedToPPK',
  'CandidateChosen',
  'MendagriApprovalRecorded',
  'AppointmentDecreeIssued',
  'InaugurationRecorded',
  'ReportedToMendagri',
  'VacancyCancelled',
  'FillingCancelled',
  'PPKStatusRecorded',
  'PlannedScheduleSet',
] as const satisfies readonly Pergub113EventType[];

// The list above names every member of the union (a compile-time check).
type Unlisted = Exclude<Pergub113EventType, (typeof PERGUB113_EVENT_TYPES)[number]>;
const _everyEventListed: [Unlisted] extends [never] ? true : never = true;
