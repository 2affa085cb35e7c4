import { ApiProperty } from '@nestjs/swagger';
import { IsIdentifier } from '../../shared/text.js';

/** `ChooseCandidate` (PPK, awaitingPpk): one of the vacancy's three names (A-PICK). */
export class JptpChooseCandidateDto {
  @ApiProperty({ example: 'ntt-01' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ example: 'ntt-01-p2' })
  @IsIdentifier()
  applicationId!: string;
}
