import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsOptional, Min, ValidateNested } from 'class-validator';
import { PilkadaScheduleDto } from '../../shared/pilkada-schedule.dto.js';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

/** The weight in percent of each scored stage (whether they sum to 100 is A-CFG's business). */
export class JptpStageWeightsDto {
  @ApiProperty({ example: 40 }) @IsNumber() assessment!: number;
  @ApiProperty({ example: 20 }) @IsNumber() technical!: number;
  @ApiProperty({ example: 10 }) @IsNumber() trackRecord!: number;
  @ApiProperty({ example: 30 }) @IsNumber() interview!: number;
}

/** `ConfigureSelection` (SEKRETARIAT, planning): weights, limits and the Pilkada cycles. */
export class JptpConfigureSelectionDto {
  @ApiProperty({ type: () => JptpStageWeightsDto })
  @ValidateNested()
  @Type(() => JptpStageWeightsDto)
  weights!: JptpStageWeightsDto;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxPostsPerApplicant?: number;

  @ApiPropertyOptional({ example: 56 })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxAge?: number;

  @ApiPropertyOptional({
    type: () => RecordedDocumentDto,
    description: "The President's approval of an age limit above 56 (A-AGE)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  ageLimitApproval?: RecordedDocumentDto;

  @ApiPropertyOptional({ type: () => [PilkadaScheduleDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PilkadaScheduleDto)
  pilkada?: PilkadaScheduleDto[];
}
