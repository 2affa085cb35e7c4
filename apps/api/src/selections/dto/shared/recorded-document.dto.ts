import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ACCEPTED_MEDIA_TYPES } from '@jejak/documents';
import { IsCalendarDate } from './formats.js';

/** An uploaded evidence file (POST /documents), referred to by its SHA-256. */
export class DocumentFileDto {
  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 answered by POST /documents (64 lowercase hexadecimal digits)',
  })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hexadecimal digits' })
  sha256!: string;

  @ApiProperty({ enum: ACCEPTED_MEDIA_TYPES })
  @IsIn(ACCEPTED_MEDIA_TYPES)
  mediaType!: string;

  @ApiProperty({ example: 183_422, description: 'bytes, as answered by POST /documents' })
  @IsInt()
  @Min(1)
  size!: number;
}

/** A letter or decree issued outside jejak: `{ issuer, number, date, subject, files? }`. */
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

  @ApiPropertyOptional({
    type: [DocumentFileDto],
    description:
      'Evidence files of the document (the signed PDF, a scan), uploaded first with POST /documents. ' +
      'A hash that was not uploaded is answered 400 and nothing is recorded.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DocumentFileDto)
  files?: DocumentFileDto[];
}
