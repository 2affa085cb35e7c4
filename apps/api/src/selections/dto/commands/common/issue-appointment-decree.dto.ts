import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';
import { IsIdentifier } from '../../shared/text.js';

/** `IssueAppointmentDecree` (PPK, both procedures): the decree appointing the chosen one. */
export class IssueAppointmentDecreeDto {
  @ApiProperty({ example: 'ntt-01' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  decree!: RecordedDocumentDto;
}
