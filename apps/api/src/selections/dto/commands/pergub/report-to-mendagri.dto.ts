import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';
import { IsIdentifier } from '../../shared/text.js';

/** `ReportToMendagri` (SEKRETARIAT, inauguration): the report of inaugurations under §5 (B-REPORT). */
export class PergubReportToMendagriDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  document!: RecordedDocumentDto;

  @ApiProperty({ type: [String], example: ['dikbud-kabid-sma'] })
  @IsArray()
  @IsIdentifier({ each: true })
  vacancyIds!: string[];
}
