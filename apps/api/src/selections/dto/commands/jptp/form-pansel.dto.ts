import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsOptional, Matches, ValidateNested } from 'class-validator';
import { NIP } from '../../shared/formats.js';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';
import { IsText } from '../../shared/text.js';

/** A Pansel member; `internal` when an official of the province (A-PANSEL counts them). */
export class JptpPanselMemberDto {
  @ApiPropertyOptional({ pattern: NIP.source })
  @IsOptional()
  @Matches(NIP, { message: '$property must be 18 digits' })
  nip?: string;

  @ApiProperty({ example: 'Prof. Dr. Frans Salesman' })
  @IsText(200)
  name!: string;

  @ApiProperty()
  @IsBoolean()
  internal!: boolean;

  @ApiPropertyOptional({ example: 'Ketua' })
  @IsOptional()
  @IsText(200)
  position?: string;
}

/** `FormPansel` (PPK, preparing): the decree and the members (A-PANSEL decides the composition). */
export class JptpFormPanselDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  decree!: RecordedDocumentDto;

  @ApiProperty({ type: () => [JptpPanselMemberDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => JptpPanselMemberDto)
  members!: JptpPanselMemberDto[];
}
