import type { Type } from '@nestjs/common';
import { JPTP_KIND, PERGUB113_KIND } from '@jejak/workflows';
import type { CommandDtoMap } from './command-dto-map.js';
import { COMMON_JPTP_DTOS, COMMON_PERGUB_DTOS } from './commands/common/index.js';
import { JPTP_COMMAND_DTOS } from './commands/jptp/index.js';
import { PERGUB_COMMAND_DTOS } from './commands/pergub/index.js';
import { withEffectiveAt } from './shared/effective-at.js';

/** Every command DTO with the shared optional `effectiveAt` (dto/shared/effective-at.ts). */
const withDates = (dtos: CommandDtoMap): CommandDtoMap =>
  Object.fromEntries(Object.entries(dtos).map(([type, dto]) => [type, withEffectiveAt(dto)]));

/**
 * The body DTO of every command, per procedure kind: the same command name can carry another
 * payload in the other procedure (`ChooseCandidate`: an application id in JPTP, a NIP in Pergub
 * 113), so the selection's kind picks the map.
 */
export const COMMAND_DTOS: Readonly<Record<string, CommandDtoMap>> = {
  [JPTP_KIND]: withDates({ ...COMMON_JPTP_DTOS, ...JPTP_COMMAND_DTOS }),
  [PERGUB113_KIND]: withDates({ ...COMMON_PERGUB_DTOS, ...PERGUB_COMMAND_DTOS }),
};

/** The DTO of `type` in a selection of `kind`, if the procedure has that command. */
export function commandDtoFor(kind: string, type: string): Type<object> | undefined {
  const dtos = COMMAND_DTOS[kind];
  return dtos !== undefined && Object.hasOwn(dtos, type) ? dtos[type] : undefined;
}

/** Whether any procedure has a command of this name (else `POST .../commands/:type` is 404). */
export function isKnownCommand(type: string): boolean {
  return Object.values(COMMAND_DTOS).some((dtos) => Object.hasOwn(dtos, type));
}

/** Every DTO class, once (for the OpenAPI document's schemas). */
export function allCommandDtos(): Type<object>[] {
  return [...new Set(Object.values(COMMAND_DTOS).flatMap((dtos) => Object.values(dtos)))];
}
