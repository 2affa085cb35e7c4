import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

const PURPOSES = ['PLAN', 'RESULT'] as const;

/** `RecordSupervisoryRecommendation` (SEKRETARIAT): the supervisory authority's recommendation (KASN, then BKN/KemenPAN-RB; A-SUPV) of the plan or the results. */
export class JptpRecordSupervisoryRecommendationDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  document!: RecordedDocumentDto;

  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES)
  purpose!: (typeof PURPOSES)[number];
}
