import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, ValidateNested } from 'class-validator';
import { PersonDto } from '../../shared/person.dto.js';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';
import { IsText } from '../../shared/text.js';

const TPK_SEATS = ['SEKDA', 'BKD', 'INSPEKTORAT', 'PPT_TERKAIT'] as const;

/** A TPK member and the seats of Pasal 5 ayat (4) they hold (B-TPK judges the composition). */
export class PergubTpkMemberDto extends PersonDto {
  @ApiProperty({ example: 'Kepala Badan Kepegawaian Daerah' })
  @IsText(200)
  position!: string;

  @ApiProperty({ enum: TPK_SEATS, isArray: true, example: ['BKD'] })
  @IsArray()
  @IsIn(TPK_SEATS, { each: true })
  covers!: (typeof TPK_SEATS)[number][];
}

/** `FormTPK` (PPK, constitutingTpk): the decree forming the TPK and its members. */
export class PergubFormTpkDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  decree!: RecordedDocumentDto;

  @ApiProperty({ type: () => [PergubTpkMemberDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PergubTpkMemberDto)
  members!: PergubTpkMemberDto[];
}
