import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ReasonDto } from './reason.dto.js';

/** `CancelVacancy` (PPK, both procedures): one vacancy, with a reason. */
export class CancelVacancyDto extends ReasonDto {
  @ApiProperty({ example: 'dinkes-kepala' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  vacancyId!: string;
}
