import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../shared/formats.js';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';

/** `PublishAnnouncement` (PANSEL): opens registration (A-GATE, A-WINDOW decide whether it may). */
export class JptpPublishAnnouncementDto {
  @ApiProperty({ type: () => RecordedDocumentDto })
  @ValidateNested()
  @Type(() => RecordedDocumentDto)
  announcement!: RecordedDocumentDto;

  @ApiProperty({ format: 'date', example: '2024-05-15' })
  @IsCalendarDate()
  registrationOpensOn!: string;

  @ApiProperty({ format: 'date', example: '2024-05-29' })
  @IsCalendarDate()
  registrationClosesOn!: string;
}
