import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

const PURPOSES = ['SELECTION', 'APPOINTMENT'] as const;

/** `RecordMendagriApproval` (SEKRETARIAT): Mendagri's written approval (§5), for the selection or the appointments. */
export class JptpRecordMendagriApprovalDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  document!: RecordedDocumentDto;

  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES)
  purpose!: (typeof PURPOSES)[number];
}
