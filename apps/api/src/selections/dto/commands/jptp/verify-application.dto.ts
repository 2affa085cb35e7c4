import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { IsIdentifier, IsText } from '../../shared/text.js';

/** One requirement checked, with the reason when it is not met. */
export class JptpRequirementCheckDto {
  @ApiProperty({ example: 'education' })
  @IsText(200)
  requirement!: string;

  @ApiProperty() @IsBoolean() met!: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsText()
  reason?: string;
}

const RESULTS = ['MS', 'TMS'] as const;

/** `VerifyApplication` (SEKRETARIAT proposes, PANSEL decides): MS/TMS per requirement. */
export class JptpVerifyApplicationDto {
  @ApiProperty({ example: 'ntt-01-p1' })
  @IsIdentifier()
  applicationId!: string;

  @ApiProperty({ enum: RESULTS })
  @IsIn(RESULTS)
  result!: (typeof RESULTS)[number];

  @ApiProperty({ type: () => [JptpRequirementCheckDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => JptpRequirementCheckDto)
  requirements!: JptpRequirementCheckDto[];
}
