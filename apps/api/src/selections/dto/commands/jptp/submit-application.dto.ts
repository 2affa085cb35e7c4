import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsNumber, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../shared/formats.js';
import { PersonDto } from '../../shared/person.dto.js';
import { IsIdentifier, IsText } from '../../shared/text.js';

/** What A-ELIG reads of an applicant (PP 17/2020 Pasal 107 ayat (1) huruf c): shape only here. */
export class JptpApplicantProfileDto {
  @ApiProperty({ example: 'S2' })
  @IsText(20)
  education!: string;

  @ApiProperty({ example: 12 })
  @IsNumber()
  @Min(0)
  relatedExperienceYears!: number;

  @ApiProperty({ example: 6, description: 'Years as Administrator or JF Ahli Madya' })
  @IsNumber()
  @Min(0)
  managerialExperienceYears!: number;

  @ApiProperty({ format: 'date', example: '1975-03-10' })
  @IsCalendarDate()
  birthDate!: string;

  @ApiProperty() @IsBoolean() integrityAttested!: boolean;
  @ApiProperty() @IsBoolean() healthAttested!: boolean;
}

/** `SubmitApplication` (SEKRETARIAT, registration): one applicant for one vacancy. */
export class JptpSubmitApplicationDto {
  @ApiProperty({ example: 'ntt-01-p1' })
  @IsIdentifier()
  applicationId!: string;

  @ApiProperty({ example: 'ntt-01' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ type: () => PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  applicant!: PersonDto;

  @ApiProperty({ type: () => JptpApplicantProfileDto })
  @ValidateNested()
  @Type(() => JptpApplicantProfileDto)
  profile!: JptpApplicantProfileDto;
}
