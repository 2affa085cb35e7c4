import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { NIP } from '../../shared/formats.js';
import { IsIdentifier } from '../../shared/text.js';

/** `ChooseCandidate` (PPK, ppkChoice, Pasal 12 ayat (1)): one of the vacancy's 3 names (B-PICK). */
export class PergubChooseCandidateDto {
  @ApiProperty({ example: 'dikbud-kabid-sma' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ pattern: NIP.source, example: '198001012005011001' })
  @Matches(NIP, { message: '$property must be 18 digits' })
  nip!: string;
}
