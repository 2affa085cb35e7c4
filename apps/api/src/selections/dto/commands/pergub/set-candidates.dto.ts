import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, ValidateNested } from 'class-validator';
import { PergubVacancyNamesDto } from './vacancy-names.dto.js';

/** `SetCandidates` (TPK, Pasal 10 huruf c): the candidates per vacancy (B-3X, B-ELIG judge them). */
export class PergubSetCandidatesDto {
  @ApiProperty({ type: () => [PergubVacancyNamesDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PergubVacancyNamesDto)
  candidates!: PergubVacancyNamesDto[];
}
