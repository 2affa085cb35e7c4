import type { CommandDtoMap } from '../../command-dto-map.js';
import { PergubChooseCandidateDto } from './choose-candidate.dto.js';
import { PergubFormSekretariatTpkDto } from './form-sekretariat-tpk.dto.js';
import { PergubFormTpkDto } from './form-tpk.dto.js';
import { PergubPrepareEligibleListDto } from './prepare-eligible-list.dto.js';
import { PergubRecordInaugurationDto } from './record-inauguration.dto.js';
import { PergubRecordMappingResultDto } from './record-mapping-result.dto.js';
import { PergubRecordMendagriApprovalDto } from './record-mendagri-approval.dto.js';
import { PergubRecordTrackRecordDto } from './record-track-record.dto.js';
import { PergubRecordVacancyDto } from './record-vacancy.dto.js';
import { PergubReportToMendagriDto } from './report-to-mendagri.dto.js';
import { PergubReportToPpkDto } from './report-to-ppk.dto.js';
import { PergubSetCandidatesDto } from './set-candidates.dto.js';
import { PergubSubmitInventoryToTpkDto } from './submit-inventory-to-tpk.dto.js';

/**
 * One class-validator DTO per Pergub 113 command (docs/domain.md §4), by command type. The commands both
 * procedures share (OpenSelection, CompleteStage, RecordPpkStatus, SetPlannedSchedule,
 * CancelVacancy, IssueAppointmentDecree, CancelFilling) live in `../common/`; an entry here
 * overrides them.
 *
 * Conventions: class names start with `Pergub` (`PergubChooseCandidateDto`: OpenAPI schema names
 * are global and the JPTP commands of the same name have other payloads); shape only; every
 * property has an `@ApiProperty`; nested objects use the shared DTOs of `../../shared/` with
 * `@ValidateNested()` and `@Type(() => ...)`.
 */
export const PERGUB_COMMAND_DTOS: CommandDtoMap = {
  FormTPK: PergubFormTpkDto,
  FormSekretariatTPK: PergubFormSekretariatTpkDto,
  RecordVacancy: PergubRecordVacancyDto,
  SubmitInventoryToTPK: PergubSubmitInventoryToTpkDto,
  PrepareEligibleList: PergubPrepareEligibleListDto,
  SetCandidates: PergubSetCandidatesDto,
  RecordMappingResult: PergubRecordMappingResultDto,
  RecordTrackRecord: PergubRecordTrackRecordDto,
  ReportToPPK: PergubReportToPpkDto,
  ChooseCandidate: PergubChooseCandidateDto,
  RecordMendagriApproval: PergubRecordMendagriApprovalDto,
  RecordInauguration: PergubRecordInaugurationDto,
  ReportToMendagri: PergubReportToMendagriDto,
};
