import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { VacancyDto } from '../../shared/vacancy.dto.js';

const JABATAN = ['ADMINISTRATOR', 'PENGAWAS'] as const;

/**
 * `RecordVacancy` (SEKRETARIAT, inventory, Pasal 9 ayat (1)): a vacancy and its class. Whether
 * the eselon fits the class, and an `AKAN_LOWONG` post's TMT, are B-VAC's to judge.
 */
export class PergubRecordVacancyDto extends VacancyDto {
  @ApiProperty({ enum: JABATAN, example: 'ADMINISTRATOR' })
  @IsIn(JABATAN)
  jabatan!: (typeof JABATAN)[number];
}
