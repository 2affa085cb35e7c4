import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';
import { PergubVacancyNamesDto } from './vacancy-names.dto.js';

/** `ReportToPPK` (TPK, Pasal 11 ayat (6)–(7)): the report and 3 names per vacancy (B-THREE). */
export class PergubReportToPpkDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  report!: RecordedDocumentDto;

  @ApiProperty({ type: () => [PergubVacancyNamesDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PergubVacancyNamesDto)
  shortlists!: PergubVacancyNamesDto[];
}
