import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { NIP } from '../../shared/formats.js';
import { IsIdentifier } from '../../shared/text.js';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

const PURPOSES = ['SELECTION', 'APPOINTMENT'] as const;

/** What a Mendagri approval names (A-GATE, A-INAUG). */
export class JptpApprovalCoverageDto {
  @ApiPropertyOptional({ example: 'ntt-jptp-2024' })
  @IsOptional()
  @IsIdentifier()
  selectionId?: string;

  @ApiPropertyOptional({ type: [String], example: ['ntt-06'] })
  @IsOptional()
  @IsArray()
  @IsIdentifier({ each: true })
  vacancyIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['197503102000031001'] })
  @IsOptional()
  @IsArray()
  @Matches(NIP, { each: true, message: '$property must hold NIPs of 18 digits' })
  nips?: string[];
}

/** `RecordMendagriApproval` (SEKRETARIAT): Mendagri's written approval (§5), for the selection or the appointments. */
export class JptpRecordMendagriApprovalDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  document!: RecordedDocumentDto;

  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES)
  purpose!: (typeof PURPOSES)[number];

  @ApiPropertyOptional({
    type: () => JptpApprovalCoverageDto,
    description:
      'What the letter approves: this selection, these posts or these people (an approval that names none of them covers no act)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => JptpApprovalCoverageDto)
  covers?: JptpApprovalCoverageDto;
}
