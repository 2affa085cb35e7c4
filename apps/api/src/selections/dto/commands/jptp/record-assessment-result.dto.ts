import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, ValidateNested } from 'class-validator';
import { ScoreDto } from '../../shared/score.dto.js';
import { JptpResultPresenceDto } from './result-presence.dto.js';

const CATEGORIES = ['MS', 'MMS', 'KMS'] as const;

/** `RecordAssessmentResult` (ASESOR): managerial and socio-cultural scores, JPM %, category. */
export class JptpRecordAssessmentResultDto extends JptpResultPresenceDto {
  @ApiPropertyOptional({ type: () => ScoreDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScoreDto)
  managerial?: ScoreDto;

  @ApiPropertyOptional({ type: () => ScoreDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScoreDto)
  socioCultural?: ScoreDto;

  @ApiPropertyOptional({ example: 85, description: 'Job Person Match in percent' })
  @IsOptional()
  @IsNumber()
  jpm?: number;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: (typeof CATEGORIES)[number];
}
