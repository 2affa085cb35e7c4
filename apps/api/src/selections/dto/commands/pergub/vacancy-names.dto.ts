import { ApiProperty } from '@nestjs/swagger';
import { IsArray, Matches } from 'class-validator';
import { NIP } from '../../shared/formats.js';
import { IsIdentifier } from '../../shared/text.js';

/** NIPs named for one vacancy (candidates of Pasal 10 huruf c, names of Pasal 11 ayat (7)). */
export class PergubVacancyNamesDto {
  @ApiProperty({ example: 'dikbud-kabid-sma' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ type: [String], example: ['198001012005011001'] })
  @IsArray()
  @Matches(NIP, { each: true, message: 'each value in $property must be 18 digits' })
  nips!: string[];
}
