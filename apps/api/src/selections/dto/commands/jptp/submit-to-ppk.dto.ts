import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

/** `SubmitToPPK` (SEKDA): the Pansel's results to the PPK. */
export class JptpSubmitToPpkDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  letter!: RecordedDocumentDto;
}
