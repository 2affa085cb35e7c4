import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, Matches, ValidateNested } from 'class-validator';
import { NIP } from '../../shared/formats.js';
import { PersonDto } from '../../shared/person.dto.js';
import { IsText } from '../../shared/text.js';

const SOURCES = ['ATASAN', 'REKAN_SEJAWAT', 'BAWAHAN'] as const;

/** One input to a candidate's track record (Pasal 11 ayat (5)). */
export class PergubTrackRecordSourceDto {
  @ApiProperty({ enum: SOURCES })
  @IsIn(SOURCES)
  source!: (typeof SOURCES)[number];

  @ApiProperty({ type: () => PersonDto })
  @ValidateNested()
  @Type(() => PersonDto)
  respondent!: PersonDto;

  @ApiProperty({ example: 'Disiplin, tuntas dalam tugas, dipercaya rekan kerja' })
  @IsText(4000)
  summary!: string;
}

/** `RecordTrackRecord` (TPK, Pasal 11 ayat (4)–(5)): B-360 asks for all three sources. */
export class PergubRecordTrackRecordDto {
  @ApiProperty({ pattern: NIP.source, example: '198001012005011001' })
  @Matches(NIP, { message: '$property must be 18 digits' })
  nip!: string;

  @ApiProperty({ type: () => [PergubTrackRecordSourceDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PergubTrackRecordSourceDto)
  sources!: PergubTrackRecordSourceDto[];
}
