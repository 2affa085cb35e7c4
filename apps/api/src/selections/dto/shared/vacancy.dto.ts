import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from './formats.js';

export const VACANCY_STATUSES = ['LOWONG', 'AKAN_LOWONG'] as const;

/**
 * A vacancy: `{ vacancyId, title, unit, eselon, status, tmt? }` (docs/domain.md §7). Whether an
 * `AKAN_LOWONG` vacancy needs its TMT is a rule (A-VAC), not a shape: it stays in workflows/.
 */
export class VacancyDto {
  @ApiProperty({ example: 'dinkes-kepala' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  vacancyId!: string;

  @ApiProperty({ example: 'Kepala Dinas Kesehatan, Kependudukan dan Pencatatan Sipil' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'Dinas Kesehatan, Kependudukan dan Pencatatan Sipil' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  unit!: string;

  @ApiProperty({ example: 'II.b' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  eselon!: string;

  @ApiProperty({ enum: VACANCY_STATUSES })
  @IsIn(VACANCY_STATUSES)
  status!: (typeof VACANCY_STATUSES)[number];

  @ApiPropertyOptional({ format: 'date', example: '2024-08-01' })
  @IsOptional()
  @IsCalendarDate()
  tmt?: string;
}
