import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from './formats.js';

/** A Pilkada cycle's dates (docs/domain.md §5), as configuration of a selection. */
export class PilkadaScheduleDto {
  @ApiProperty({ format: 'date', example: '2024-09-22' })
  @IsCalendarDate()
  candidateDetermination!: string;

  @ApiPropertyOptional({ format: 'date', example: '2025-02-20' })
  @IsOptional()
  @IsCalendarDate()
  headInauguration?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  endOfTerm?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  source?: string;
}
