import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIdentifier, IsText } from '../../shared/text.js';

/** `ChooseCandidate` (PPK, awaitingPpk): one of the vacancy's three names (A-PICK). */
export class JptpChooseCandidateDto {
  @ApiProperty({ example: 'ntt-01' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ example: 'ntt-01-p2' })
  @IsIdentifier()
  applicationId!: string;

  @ApiPropertyOptional({ description: 'Why not the best-ranked name, when so (A-REASON)' })
  @IsOptional()
  @IsText()
  reason?: string;
}
