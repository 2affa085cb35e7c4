import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from './formats.js';

/** A letter or decree issued outside jejak: `{ issuer, number, date, subject }` (docs/domain.md §1). */
export class RecordedDocumentDto {
  @ApiProperty({ example: 'Menteri Dalam Negeri' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  issuer!: string;

  @ApiProperty({ example: '100.2.1.3/2147/SJ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  number!: string;

  @ApiProperty({ format: 'date', example: '2024-05-06' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: 'Persetujuan seleksi terbuka JPT Pratama' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  subject!: string;
}
