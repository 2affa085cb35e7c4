import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

/** `PublishAdministrativeResult` (PANSEL): ends the administrative selection. */
export class JptpPublishAdministrativeResultDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  announcement!: RecordedDocumentDto;
}
