import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { VacancyDto } from '../../shared/vacancy.dto.js';

const POST_KINDS = ['JPT_PRATAMA', 'KADIS_DUKCAPIL', 'SEKWAN'] as const;

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
}
