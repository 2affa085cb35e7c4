import { addWorkingDays, isCalendarDate } from '../core/calendar.js';
import type { CommandSpec, CommandSpecs } from '../core/decider.js';
import { MENDAGRI_REPORT_DEADLINE } from '../core/mendagri.js';
import { PILKADA_2024_NTT } from '../core/reference/pilkada.js';
import { PERGUB113_ROLES, type Pergub113Command } from './pergub113.commands.js';
import { activeVacancies, approvalRequiredOn } from './pergub113.context.js';
import type { Pergub113Event } from './pergub113.events.js';
import { type Pergub113Rule } from './pergub113.rule-kit.js';
import * as rules from './pergub113.rules.js';
import type { PergubContext } from './pergub113.types.js';

type Ev<T extends Pergub113Event['type']> = Extract<Pergub113Event, { type: T }>;
const ev = <T extends Pergub113Event['type']>(
  type: T,
  data: Omit<Ev<T>['data'], 'occurredAt'>,
  now: string,
) => ({ type, data: { ...data, occurredAt: now } }) as unknown as Ev<T>;

/** The command's rules, which the machine's `rulesHold` guard runs too (docs/domain.md §4). */
export const PERGUB113_COMMAND_RULES: Record<Pergub113Command['type'], readonly Pergub113Rule[]> = {
  OpenSelection: [],
  FormTPK: [rules.tpkComposition],
  FormSekretariatTPK: [rules.sekretariatComposition],
  RecordVacancy: [rules.vacancyInventory],
  SubmitInventoryToTPK: [rules.stageDone],
  PrepareEligibleList: [rules.eligibleListPrepared],
  SetCandidates: [rules.threeTimesCandidates, rules.candidateEligibility],
  RecordMappingResult: [rules.mappingOfCandidates],
  RecordTrackRecord: [rules.trackRecordSources],
  CompleteStage: [rules.stageDone],
  ReportToPPK: [rules.threeNamesPerVacancy, rules.candidateEligibility],
  ChooseCandidate: [rules.pickOneOfThree],
  RecordMendagriApproval: [],
  IssueAppointmentDecree: [rules.inaugurationApproved],
  RecordInauguration: [rules.inaugurationApproved],
  ReportToMendagri: [rules.mendagriReport],
  CancelVacancy: [rules.vacancyInventory],
  CancelFilling: [],
  RecordPpkStatus: [],
  SetPlannedSchedule: [],
};

function inaugurated(
  context: PergubContext,
  data: { vacancyId: string; date: string; oathTaken: boolean },
) {
  const required = approvalRequiredOn(context, data.date).required;
  const due =
    required && isCalendarDate(data.date)
      ? addWorkingDays(data.date, MENDAGRI_REPORT_DEADLINE.workingDays)
      : undefined;
  return { ...data, mendagriApprovalRequired: required, ...(due ? { reportDueOn: due } : {}) };
}

type Specs = CommandSpecs<PergubContext, Pergub113Command, Pergub113Event>;

function spec<K extends Pergub113Command['type'], T extends Pergub113Event['type']>(
  type: K,
  event: T,
  toEvent: (command: Extract<Pergub113Command, { type: K }>, context: PergubContext) => Ev<T>,
): CommandSpec<PergubContext, Extract<Pergub113Command, { type: K }>, Pergub113Event> {
  return { roles: PERGUB113_ROLES[type], event, rules: PERGUB113_COMMAND_RULES[type], toEvent };
}

/** Each command: its roles, the event it yields, its rules, and how the event is built. */
export const PERGUB113_COMMANDS: Specs = {
  OpenSelection: spec('OpenSelection', 'SelectionOpened', ({ data, metadata }) =>
    ev(
      'SelectionOpened',
      {
        selectionId: data.selectionId,
        title: data.title,
        pilkada: data.pilkada ?? [PILKADA_2024_NTT],
      },
      metadata.now,
    ),
  ),
  FormTPK: spec('FormTPK', 'TPKFormed', ({ data, metadata }) =>
    ev('TPKFormed', data, metadata.now),
  ),
  FormSekretariatTPK: spec('FormSekretariatTPK', 'SekretariatTPKFormed', ({ data, metadata }) =>
    ev('SekretariatTPKFormed', data, metadata.now),
  ),
  RecordVacancy: spec('RecordVacancy', 'VacancyRecorded', ({ data, metadata }) =>
    ev('VacancyRecorded', { vacancy: data }, metadata.now),
  ),
  SubmitInventoryToTPK: spec(
    'SubmitInventoryToTPK',
    'InventorySubmittedToTPK',
    ({ metadata }, context) =>
      ev(
        'InventorySubmittedToTPK',
        { vacancyIds: activeVacancies(context).map((v) => v.vacancyId) },
        metadata.now,
      ),
  ),
  PrepareEligibleList: spec('PrepareEligibleList', 'EligibleListPrepared', ({ data, metadata }) =>
    ev('EligibleListPrepared', data, metadata.now),
  ),
  SetCandidates: spec('SetCandidates', 'CandidatesSet', ({ data, metadata }) =>
    ev('CandidatesSet', data, metadata.now),
  ),
  RecordMappingResult: spec('RecordMappingResult', 'MappingResultRecorded', ({ data, metadata }) =>
    ev(
      'MappingResultRecorded',
      { nip: data.nip, result: { jpm: data.jpm, category: data.category } },
      metadata.now,
    ),
  ),
  RecordTrackRecord: spec('RecordTrackRecord', 'TrackRecordRecorded', ({ data, metadata }) =>
    ev('TrackRecordRecorded', data, metadata.now),
  ),
  CompleteStage: spec('CompleteStage', 'StageCompleted', ({ data, metadata }) =>
    ev('StageCompleted', { stage: data.stage, completedBy: metadata.actor.role }, metadata.now),
  ),
  ReportToPPK: spec('ReportToPPK', 'ReportedToPPK', ({ data, metadata }) =>
    ev('ReportedToPPK', data, metadata.now),
  ),
  ChooseCandidate: spec('ChooseCandidate', 'CandidateChosen', ({ data, metadata }) =>
    ev('CandidateChosen', data, metadata.now),
  ),
  RecordMendagriApproval: spec(
    'RecordMendagriApproval',
    'MendagriApprovalRecorded',
    ({ data, metadata }) => ev('MendagriApprovalRecorded', data, metadata.now),
  ),
  IssueAppointmentDecree: spec(
    'IssueAppointmentDecree',
    'AppointmentDecreeIssued',
    ({ data, metadata }) => ev('AppointmentDecreeIssued', data, metadata.now),
  ),
  RecordInauguration: spec(
    'RecordInauguration',
    'InaugurationRecorded',
    ({ data, metadata }, context) =>
      ev('InaugurationRecorded', inaugurated(context, data), metadata.now),
  ),
  ReportToMendagri: spec('ReportToMendagri', 'ReportedToMendagri', ({ data, metadata }) =>
    ev('ReportedToMendagri', data, metadata.now),
  ),
  CancelVacancy: spec('CancelVacancy', 'VacancyCancelled', ({ data, metadata }) =>
    ev('VacancyCancelled', data, metadata.now),
  ),
  CancelFilling: spec('CancelFilling', 'FillingCancelled', ({ data, metadata }) =>
    ev('FillingCancelled', data, metadata.now),
  ),
  RecordPpkStatus: spec('RecordPpkStatus', 'PPKStatusRecorded', ({ data, metadata }) =>
    ev('PPKStatusRecorded', data, metadata.now),
  ),
  SetPlannedSchedule: spec('SetPlannedSchedule', 'PlannedScheduleSet', ({ data, metadata }) =>
    ev('PlannedScheduleSet', data, metadata.now),
  ),
};

/** The rules the machine's guard runs for an event: those of the command that yields it. */
export function rulesForEvent(type: Pergub113Event['type']): readonly Pergub113Rule[] {
  const command = (Object.keys(PERGUB113_COMMANDS) as Pergub113Command['type'][]).find(
    (name) => PERGUB113_COMMANDS[name].event === type,
  );
  return command ? PERGUB113_COMMAND_RULES[command] : [];
}
