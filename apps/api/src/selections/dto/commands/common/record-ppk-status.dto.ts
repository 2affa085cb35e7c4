import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../shared/formats.js';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

export const PPK_STATUSES = ['GUBERNUR', 'PENJABAT', 'PLT'] as const;

/** `RecordPpkStatus` (SEKRETARIAT): the PPK is a Gubernur, Penjabat or Plt since a date (§5). */
export class JptpRecordPpkStatusDto {
  @ApiProperty({ enum: PPK_STATUSES, example: 'PENJABAT' })
  @IsIn(PPK_STATUSES)
  status!: (typeof PPK_STATUSES)[number];

  @ApiProperty({ format: 'date', example: '2023-09-05' })
  @IsCalendarDate()
  since!: string;

  @ApiPropertyOptional({ example: 'Ayodhia G. L. Kalake' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

/** `RecordPpkStatus` of a Pergub 113 round: the same, with the appointing document if any. */
export class PergubRecordPpkStatusDto extends JptpRecordPpkStatusDto {
  @ApiPropertyOptional({ type: () => RecordedDocumentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  document?: RecordedDocumentDto;
}
