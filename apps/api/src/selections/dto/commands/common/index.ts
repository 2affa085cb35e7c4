import type { CommandDtoMap } from '../../command-dto-map.js';
import { CancelVacancyDto } from './cancel-vacancy.dto.js';
import { JptpCompleteStageDto, PergubCompleteStageDto } from './complete-stage.dto.js';
import { JptpIssueAppointmentDecreeDto } from '../jptp/issue-appointment-decree.dto.js';
import { IssueAppointmentDecreeDto } from './issue-appointment-decree.dto.js';
import { JptpOpenSelectionDto, PergubOpenSelectionDto } from './open-selection.dto.js';
import {
  CancelFillingDto,
  CancelSelectionDto,
  ResumeSelectionDto,
  SuspendSelectionDto,
} from './reason.dto.js';
import { JptpRecordPpkStatusDto, PergubRecordPpkStatusDto } from './record-ppk-status.dto.js';
import {
  JptpSetPlannedScheduleDto,
  PergubSetPlannedScheduleDto,
} from './set-planned-schedule.dto.js';

/** The commands both procedures have (docs/domain.md §3–§5), in their JPTP shape. */
export const COMMON_JPTP_DTOS: CommandDtoMap = {
  OpenSelection: JptpOpenSelectionDto,
  CompleteStage: JptpCompleteStageDto,
  RecordPpkStatus: JptpRecordPpkStatusDto,
  SetPlannedSchedule: JptpSetPlannedScheduleDto,
  CancelVacancy: CancelVacancyDto,
  IssueAppointmentDecree: JptpIssueAppointmentDecreeDto,
  CancelSelection: CancelSelectionDto,
  SuspendSelection: SuspendSelectionDto,
  ResumeSelection: ResumeSelectionDto,
};

/** ... and in their Pergub 113 shape. */
export const COMMON_PERGUB_DTOS: CommandDtoMap = {
  OpenSelection: PergubOpenSelectionDto,
  CompleteStage: PergubCompleteStageDto,
  RecordPpkStatus: PergubRecordPpkStatusDto,
  SetPlannedSchedule: PergubSetPlannedScheduleDto,
  CancelVacancy: CancelVacancyDto,
  IssueAppointmentDecree: IssueAppointmentDecreeDto,
  CancelFilling: CancelFillingDto,
};
