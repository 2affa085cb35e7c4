import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIdentifier } from '../../shared/text.js';
import { ReasonDto } from '../common/reason.dto.js';

const DECISIONS = ['CONTINUE_WITH_FEWER', 'CANCEL_VACANCY', 'REANNOUNCE'] as const;

/** `ResolveInsufficientApplicants` (PANSEL): after two extensions (A-MIN), with a reason. */
export class JptpResolveInsufficientApplicantsDto extends ReasonDto {
  @ApiProperty({ example: 'ntt-05' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision!: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'The new selection, when REANNOUNCE' })
  @IsOptional()
  @IsUUID()
  linkedSelectionId?: string;
}
