import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../shared/formats.js';
import { IsIdentifier } from '../../shared/text.js';
import { ReasonDto } from '../common/reason.dto.js';

/** `ExtendRegistration` (PANSEL, registrationClosed): the vacancies below the minimum (A-MIN). */
export class JptpExtendRegistrationDto extends ReasonDto {
  @ApiProperty({ type: [String], example: ['ntt-05'] })
  @IsArray()
  @IsIdentifier({ each: true })
  vacancyIds!: string[];

  @ApiPropertyOptional({ format: 'date', description: 'Default: 7 calendar days after the close' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;
}
