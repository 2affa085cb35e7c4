import { ApiProperty } from '@nestjs/swagger';
import { IsIdentifier } from '../../shared/text.js';
import { ReasonDto } from '../common/reason.dto.js';

/** `WithdrawApplication` (SEKRETARIAT, registration): with the reason given. */
export class JptpWithdrawApplicationDto extends ReasonDto {
  @ApiProperty({ example: 'ntt-01-p1' })
  @IsIdentifier()
  applicationId!: string;
}
