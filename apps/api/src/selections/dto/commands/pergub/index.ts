import type { CommandDtoMap } from '../../command-dto-map.js';

/**
 * One class-validator DTO per Pergub 113 command (DOMAIN.md §4), by command type: the Pergub
 * machine's helper adds one `<command-name>.dto.ts` per command in this folder and registers it
 * here. The commands both procedures share (OpenSelection, CompleteStage, RecordPpkStatus,
 * SetPlannedSchedule, CancelVacancy, CancelFilling) live in `../common/`; an entry here overrides
 * them.
 *
 * Conventions: class names start with `Pergub` (`PergubChooseCandidateDto`: OpenAPI schema names
 * are global and the JPTP commands of the same name have other payloads); shape only; every
 * property has an `@ApiProperty`; nested objects use the shared DTOs of `../../shared/` with
 * `@ValidateNested()` and `@Type(() => ...)`.
 */
export const PERGUB_COMMAND_DTOS: CommandDtoMap = {};
