import { ApiProperty } from '@nestjs/swagger';
import { IsIdentifier } from '../../shared/text.js';

/** `RecordInauguration` (PPK, inauguration): the appointee of a vacancy took office (A-INAUG). */
export class JptpRecordInaugurationDto {
  @ApiProperty({ example: 'ntt-01' })
  @IsIdentifier()
  vacancyId!: string;
}
