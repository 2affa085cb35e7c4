import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ScoreDto } from '../../shared/score.dto.js';
import { IsIdentifier, IsText } from '../../shared/text.js';

/** `RecordTrackRecord` (PANSEL, trackRecord): the applicant's track-record score. */
export class JptpRecordTrackRecordDto {
  @ApiProperty({ example: 'ntt-01-p1' })
  @IsIdentifier()
  applicationId!: string;

  @ApiProperty({ type: () => ScoreDto })
  @ValidateNested()
  @Type(() => ScoreDto)
  score!: ScoreDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsText()
  notes?: string;
}
