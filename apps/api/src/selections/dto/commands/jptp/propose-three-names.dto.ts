import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';
import { IsIdentifier, IsText } from '../../shared/text.js';

export class JptpRankedNameDto {
  @ApiProperty({ example: 'ntt-01-p2' })
  @IsIdentifier()
  applicationId!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  rank!: number;
}

/** `ProposeThreeNames` (PANSEL, ranking): the ranked names of a vacancy (A-THREE counts them). */
export class JptpProposeThreeNamesDto {
  @ApiProperty({ example: 'ntt-01' })
  @IsIdentifier()
  vacancyId!: string;

  @ApiProperty({ type: () => [JptpRankedNameDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => JptpRankedNameDto)
  names!: JptpRankedNameDto[];

  @ApiPropertyOptional({ description: 'Why fewer than three names, when so' })
  @IsOptional()
  @IsText()
  reason?: string;

  @ApiPropertyOptional({
    type: () => RecordedDocumentDto,
    description: "The Pansel's decision that sets the names (e.g. 15/Pansel-JPT/VI/2024)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  decision?: RecordedDocumentDto;
}
