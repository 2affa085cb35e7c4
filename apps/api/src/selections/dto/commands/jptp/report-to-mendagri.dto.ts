import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

/** `ReportToMendagri` (SEKRETARIAT): the report within 7 working days when §5 applied. */
export class JptpReportToMendagriDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  document!: RecordedDocumentDto;
}
