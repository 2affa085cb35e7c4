import type { CommandDtoMap } from '../../command-dto-map.js';

/**
 * One class-validator DTO per JPTP command (DOMAIN.md §3), by command type: the JPTP machine's
 * helper adds one `<command-name>.dto.ts` per command in this folder and registers it here. The
 * commands both procedures share (OpenSelection, CompleteStage, RecordPpkStatus,
 * SetPlannedSchedule, CancelVacancy, CancelSelection, SuspendSelection, ResumeSelection) live in
 * `../common/`; an entry here overrides them.
 *
 * Conventions: class names start with `Jptp` (`JptpChooseCandidateDto`: OpenAPI schema names are
 * global and the Pergub 113 commands of the same name have other payloads); shape only (types,
 * formats, required fields; a rule of DOMAIN.md never goes in a decorator); every property has an
 * `@ApiProperty`; nested objects use the shared DTOs of `../../shared/`
 * (`PersonDto`, `RecordedDocumentDto`, `VacancyDto`, `PilkadaScheduleDto`) with `@ValidateNested()`
 * and `@Type(() => ...)`.
 */
export const JPTP_COMMAND_DTOS: CommandDtoMap = {};
