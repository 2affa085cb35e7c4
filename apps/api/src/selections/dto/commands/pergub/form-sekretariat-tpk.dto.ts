import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, ValidateNested } from 'class-validator';
import { PersonDto } from '../../shared/person.dto.js';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

const POSITIONS = [
  'KEPALA_BIDANG_PENGEMBANGAN_KARIER',
  'ANALIS_KEPEGAWAIAN',
  'FUNGSIONAL_LAIN',
  'PELAKSANA',
] as const;

/** A member of the Sekretariat TPK (Pasal 7 ayat (2); B-SEKR judges the composition). */
export class PergubSekretariatMemberDto extends PersonDto {
  @ApiProperty({ enum: POSITIONS })
  @IsIn(POSITIONS)
  position!: (typeof POSITIONS)[number];

  @ApiProperty({ description: 'Whether the member is staff of the BKD' })
  @IsBoolean()
  atBkd!: boolean;

  @ApiProperty()
  @IsBoolean()
  coordinator!: boolean;
}

/** `FormSekretariatTPK` (SEKDA, constitutingTpk): the Sekda's decree and the members. */
export class PergubFormSekretariatTpkDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  decree!: RecordedDocumentDto;

  @ApiProperty({ type: () => [PergubSekretariatMemberDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PergubSekretariatMemberDto)
  members!: PergubSekretariatMemberDto[];
}
