import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, Matches } from 'class-validator';
import { NIP } from '../../shared/formats.js';

const CATEGORIES = ['MS', 'MMS', 'KMS'] as const;

/** `RecordMappingResult` (ASESOR, Pasal 11 ayat (2)–(3)): one candidate's mapping result. */
export class PergubRecordMappingResultDto {
  @ApiProperty({ pattern: NIP.source, example: '198001012005011001' })
  @Matches(NIP, { message: '$property must be 18 digits' })
  nip!: string;

  @ApiProperty({ example: 78.5, description: 'Job Person Match, in percent' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  jpm!: number;

  @ApiProperty({ enum: CATEGORIES })
  @IsIn(CATEGORIES)
  category!: (typeof CATEGORIES)[number];
}
