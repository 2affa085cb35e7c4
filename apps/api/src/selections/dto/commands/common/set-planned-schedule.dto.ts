import type { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { JPTP_STAGES, PERGUB113_STAGES } from '@jejak/workflows';
import { IsCalendarDate } from '../../shared/formats.js';

/** `{ <stage>: 'YYYY-MM-DD' }` for some of the stages (a class built from the stage list). */
function plannedDatesDto(name: string, stages: readonly string[]): ClassType<object> {
  const dto = { [name]: class {} }[name]!;
  for (const stage of stages) {
    ApiPropertyOptional({ type: String, format: 'date', example: '2024-05-15' })(
      dto.prototype,
      stage,
    );
    IsOptional()(dto.prototype, stage);
    IsCalendarDate()(dto.prototype, stage);
  }
  return dto;
}

export const JptpPlannedDatesDto = plannedDatesDto('JptpPlannedDatesDto', JPTP_STAGES);
export const PergubPlannedDatesDto = plannedDatesDto('PergubPlannedDatesDto', PERGUB113_STAGES);

/** `SetPlannedSchedule` (SEKRETARIAT): the published date of each stage (§6). */
export class JptpSetPlannedScheduleDto {
  @ApiProperty({ type: () => JptpPlannedDatesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => JptpPlannedDatesDto)
  dates!: Record<string, string>;
}

export class PergubSetPlannedScheduleDto {
  @ApiProperty({ type: () => PergubPlannedDatesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PergubPlannedDatesDto)
  dates!: Record<string, string>;
}
