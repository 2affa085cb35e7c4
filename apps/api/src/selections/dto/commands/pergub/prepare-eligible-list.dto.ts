import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, ValidateNested } from 'class-validator';
import { IsIdentifier } from '../../shared/text.js';
import { PergubPnsProfileDto } from './pns-profile.dto.js';

/**
 * `PrepareEligibleList` (SEKRETARIAT, Pasal 10 huruf a): the PNS screened for one vacancy; the
 * procedure judges each against Pasal 3 or 4 and orders the eligible by DUK.
 */
export class PergubPrepareEligibleListDto {
  @ApiProperty({ example: 'dikbud-kabid-sma' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ type: () => [PergubPnsProfileDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PergubPnsProfileDto)
  profiles!: PergubPnsProfileDto[];
}
