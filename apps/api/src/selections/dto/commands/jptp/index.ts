import type { CommandDtoMap } from '../../command-dto-map.js';
import { JptpChooseCandidateDto } from './choose-candidate.dto.js';
import { JptpCloseRegistrationDto } from './close-registration.dto.js';
import { JptpConfigureSelectionDto } from './configure-selection.dto.js';
import { JptpExtendRegistrationDto } from './extend-registration.dto.js';
import { JptpFormPanselDto } from './form-pansel.dto.js';
import { JptpProposeThreeNamesDto } from './propose-three-names.dto.js';
import { JptpPublishAdministrativeResultDto } from './publish-administrative-result.dto.js';
import { JptpPublishAnnouncementDto } from './publish-announcement.dto.js';
import { JptpPublishFinalResultDto } from './publish-final-result.dto.js';
import { JptpRecordAssessmentResultDto } from './record-assessment-result.dto.js';
import { JptpRecordInaugurationDto } from './record-inauguration.dto.js';
import { JptpRecordMendagriApprovalDto } from './record-mendagri-approval.dto.js';
import { JptpRecordOpenSelectionBasisDto } from './record-open-selection-basis.dto.js';
import { JptpRecordSupervisoryRecommendationDto } from './record-supervisory-recommendation.dto.js';
import { JptpRecordTrackRecordDto } from './record-track-record.dto.js';
import { JptpRegisterVacancyDto } from './register-vacancy.dto.js';
import { JptpReportToMendagriDto } from './report-to-mendagri.dto.js';
import { JptpResolveInsufficientApplicantsDto } from './resolve-insufficient-applicants.dto.js';
import { JptpRecordInterviewDto, JptpRecordTechnicalResultDto } from './result-presence.dto.js';
import { JptpSubmitApplicationDto } from './submit-application.dto.js';
import { JptpSubmitToPpkDto } from './submit-to-ppk.dto.js';
import { JptpVerifyApplicationDto } from './verify-application.dto.js';
import { JptpWithdrawApplicationDto } from './withdraw-application.dto.js';

/**
 * One class-validator DTO per JPTP command (docs/domain.md §3), by command type; the commands both
 * procedures share live in `../common/` (an entry here overrides them).
 *
 * Conventions: one `<command-name>.dto.ts` per command; class names start with `Jptp`
 * (`JptpChooseCandidateDto`: OpenAPI schema names are global and the Pergub 113 commands of the
 * same name carry other payloads); shape only (types, formats, required fields: a rule of
 * docs/domain.md never goes in a decorator); every property has an `@ApiProperty`; nested objects use
 * the shared DTOs of `../../shared/` with `@ValidateNested()` and `@Type(() => ...)`.
 */
export const JPTP_COMMAND_DTOS: CommandDtoMap = {
  RegisterVacancy: JptpRegisterVacancyDto,
  RecordOpenSelectionBasis: JptpRecordOpenSelectionBasisDto,
  ConfigureSelection: JptpConfigureSelectionDto,
  RecordMendagriApproval: JptpRecordMendagriApprovalDto,
  RecordSupervisoryRecommendation: JptpRecordSupervisoryRecommendationDto,
  FormPansel: JptpFormPanselDto,
  PublishAnnouncement: JptpPublishAnnouncementDto,
  SubmitApplication: JptpSubmitApplicationDto,
  WithdrawApplication: JptpWithdrawApplicationDto,
  CloseRegistration: JptpCloseRegistrationDto,
  ExtendRegistration: JptpExtendRegistrationDto,
  ResolveInsufficientApplicants: JptpResolveInsufficientApplicantsDto,
  VerifyApplication: JptpVerifyApplicationDto,
  PublishAdministrativeResult: JptpPublishAdministrativeResultDto,
  RecordAssessmentResult: JptpRecordAssessmentResultDto,
  RecordTechnicalResult: JptpRecordTechnicalResultDto,
  RecordTrackRecord: JptpRecordTrackRecordDto,
  RecordInterview: JptpRecordInterviewDto,
  ProposeThreeNames: JptpProposeThreeNamesDto,
  PublishFinalResult: JptpPublishFinalResultDto,
  SubmitToPPK: JptpSubmitToPpkDto,
  ChooseCandidate: JptpChooseCandidateDto,
  RecordInauguration: JptpRecordInaugurationDto,
  ReportToMendagri: JptpReportToMendagriDto,
};
