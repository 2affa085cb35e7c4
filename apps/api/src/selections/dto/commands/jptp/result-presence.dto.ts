import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { ScoreDto } from '../../shared/score.dto.js';
import { IsIdentifier } from '../../shared/text.js';

/** A stage result of one applicant: present with a score, or absent (*gugur*). */
export class JptpResultPresenceDto {
  @ApiProperty({ example: 'ntt-01-p1' })
  @IsIdentifier()
  applicationId!: string;

  @ApiProperty() @IsBoolean() present!: boolean;

  @ApiPropertyOptional({ type: () => ScoreDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScoreDto)
  score?: ScoreDto;
}

/** `RecordTechnicalResult` (PANSEL, competencyAssessment). */
export class JptpRecordTechnicalResultDto extends JptpResultPresenceDto {}

/** `RecordInterview` (PANSEL, interview). */
export class JptpRecordInterviewDto extends JptpResultPresenceDto {}
