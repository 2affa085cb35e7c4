import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsCalendarDate } from '../../shared/formats.js';
import { IsIdentifier } from '../../shared/text.js';

/** `RecordInauguration` (PPK, Pasal 12 ayat (2)): the date, and whether the oath was taken (B-INAUG). */
export class PergubRecordInaugurationDto {
  @ApiProperty({ example: 'dikbud-kabid-sma' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ format: 'date', example: '2025-05-19' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ description: 'Sumpah/janji jabatan diambil' })
  @IsBoolean()
  oathTaken!: boolean;
}
