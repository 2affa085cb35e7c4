import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../shared/formats.js';
import { PersonDto } from '../../shared/person.dto.js';
import { IsText } from '../../shared/text.js';

// The personnel record of one PNS as the Sekretariat TPK reads it (Pasal 10 huruf a). Shape only:
// Pasal 3 and 4 huruf a–h are judged in workflows/; a missing part makes its letter `pending`.

const REGIMES = ['PP46/2011', 'PP30/2019', 'PermenPANRB6/2022'] as const;
const NUMERIC = 'PP46/2011';

/** One year's appraisal under its regime: elements (PP 46/2011) or a predikat. */
export class PergubAppraisalDto {
  @ApiProperty({ example: 2024 }) @IsInt() year!: number;

  @ApiProperty({ enum: REGIMES }) @IsIn(REGIMES) regime!: (typeof REGIMES)[number];

  @ApiPropertyOptional({ type: [Number], description: `Required when regime is ${NUMERIC}` })
  @ValidateIf((o: PergubAppraisalDto) => o.regime === NUMERIC)
  @IsArray()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  elements?: number[];

  @ApiPropertyOptional({ example: 'Baik', description: `Required unless regime is ${NUMERIC}` })
  @ValidateIf((o: PergubAppraisalDto) => o.regime !== NUMERIC)
  @IsText(50)
  predikat?: string;
}

const EXPERIENCE_KINDS = [
  'ADMINISTRATOR',
  'JF_SETINGKAT_ADMINISTRATOR',
  'PENGAWAS',
  'JF_SETINGKAT_PENGAWAS',
  'PELAKSANA',
  'JF_SETINGKAT_PELAKSANA',
] as const;

/** A past or current position (Pasal 3 huruf g, Pasal 4 huruf g). */
export class PergubExperienceDto {
  @ApiProperty({ enum: EXPERIENCE_KINDS })
  @IsIn(EXPERIENCE_KINDS)
  kind!: (typeof EXPERIENCE_KINDS)[number];
  @ApiProperty({ format: 'date' }) @IsCalendarDate() from!: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiProperty() @IsBoolean() relevantField!: boolean;
}

export class PergubIntegrityDto {
  @ApiProperty() @IsBoolean() attested!: boolean;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() sanctionUntil?: string;
}

export class PergubPangkatDto {
  @ApiProperty({ example: 'III/d' }) @IsText(10) code!: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() tmt!: string;
}

export class PergubEducationDto {
  @ApiProperty({ example: 'S1' }) @IsText(20) level!: string;
}

export class PergubHealthDto {
  @ApiProperty() @IsBoolean() physical!: boolean;
  @ApiProperty() @IsBoolean() mental!: boolean;
}

export class PergubJabatanDto {
  @ApiProperty({ example: 'IV.a' }) @IsText(10) eselon!: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() since!: string;
}

const TRAININGS = ['PKN_I', 'PKN_II', 'PKA', 'PKP'] as const;

export class PergubLeadershipTrainingDto {
  @ApiProperty({ enum: TRAININGS }) @IsIn(TRAININGS) level!: (typeof TRAININGS)[number];
  @ApiProperty({ format: 'date' }) @IsCalendarDate() passedOn!: string;
}

/** An optional nested object, documented and validated. */
const OptionalNested = (type: () => new () => object, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ type, ...(description ? { description } : {}) }),
    IsOptional(),
    ValidateNested(),
    Type(type),
  );

/** A PNS profile (DUK fields: pangkat, jabatan, masa kerja, training, education, birth date). */
export class PergubPnsProfileDto extends PersonDto {
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() birthDate?: string;

  @ApiPropertyOptional({ enum: ['PNS', 'CPNS', 'PPPK'] })
  @IsOptional()
  @IsIn(['PNS', 'CPNS', 'PPPK'])
  asnStatus?: 'PNS' | 'CPNS' | 'PPPK';

  @OptionalNested(() => PergubIntegrityDto) integrity?: PergubIntegrityDto;
  @OptionalNested(() => PergubPangkatDto) pangkat?: PergubPangkatDto;
  @OptionalNested(() => PergubEducationDto) education?: PergubEducationDto;
  @OptionalNested(() => PergubHealthDto) health?: PergubHealthDto;
  @OptionalNested(() => PergubJabatanDto, 'Current structural post') jabatan?: PergubJabatanDto;
  @OptionalNested(() => PergubLeadershipTrainingDto)
  leadershipTraining?: PergubLeadershipTrainingDto;

  @ApiPropertyOptional({ type: () => [PergubAppraisalDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PergubAppraisalDto)
  appraisals?: PergubAppraisalDto[];

  @ApiPropertyOptional({ type: () => [PergubExperienceDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PergubExperienceDto)
  experience?: PergubExperienceDto[];

  @ApiPropertyOptional({ example: 240, description: 'Masa kerja for salary, in months' })
  @IsOptional()
  @IsInt()
  @Min(0)
  masaKerjaMonths?: number;
}
