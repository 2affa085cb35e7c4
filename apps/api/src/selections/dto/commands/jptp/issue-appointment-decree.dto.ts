import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, ValidateNested } from 'class-validator';
import { RecordedDocumentDto } from '../../shared/recorded-document.dto.js';
import { IssueAppointmentDecreeDto } from '../common/issue-appointment-decree.dto.js';

/**
 * `IssueAppointmentDecree` (PPK) in a JPT Pratama selection: the decree and the proposals or
 * approvals its post's authority needs before it (A-AUTH: the Governor's proposal to Mendagri for
 * the Kepala Dinas Dukcapil, the DPRD leadership's approval for the Sekretaris DPRD).
 */
export class JptpIssueAppointmentDecreeDto extends IssueAppointmentDecreeDto {
  @ApiPropertyOptional({ type: () => [RecordedDocumentDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RecordedDocumentDto)
  approvals?: RecordedDocumentDto[];
}
