import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { IsText } from '../../shared/text.js';
import { VacancyDto } from '../../shared/vacancy.dto.js';

const POST_KINDS = ['JPT_PRATAMA', 'KADIS_DUKCAPIL', 'SEKWAN'] as const;

/** A requirement of the post beyond Pasal 107, with its basis (A-POSTREQ). */
export class JptpPostRequirementDto {
  @ApiProperty({ example: 'PPNS' })
  @IsText(200)
  requirement!: string;

  @ApiProperty({ example: 'PP 16/2018 (Satuan Polisi Pamong Praja)' })
  @IsText(500)
  citation!: string;
}

/** `RegisterVacancy` (SEKRETARIAT, planning): a post of the selection (A-VAC decides the rest). */
export class JptpRegisterVacancyDto extends VacancyDto {
  @ApiPropertyOptional({
    enum: POST_KINDS,
    description:
      'Who appoints to the post (docs/domain.md §10): absent or JPT_PRATAMA the PPK; KADIS_DUKCAPIL Mendagri on the Governor proposal; SEKWAN the Governor with the DPRD leadership approval',
  })
  @IsOptional()
  @IsIn(POST_KINDS)
  postKind?: (typeof POST_KINDS)[number];

  @ApiPropertyOptional({ type: () => [JptpPostRequirementDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => JptpPostRequirementDto)
  requirements?: JptpPostRequirementDto[];
}
