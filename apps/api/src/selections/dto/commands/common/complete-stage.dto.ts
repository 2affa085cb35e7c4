import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { JPTP_STAGES, PERGUB113_STAGES } from '@jejak/workflows';

/** `CompleteStage` of a JPTP selection: `{ stage }` (A-DONE decides whether it is done). */
export class JptpCompleteStageDto {
  @ApiProperty({ enum: JPTP_STAGES, example: 'planning' })
  @IsIn(JPTP_STAGES)
  stage!: (typeof JPTP_STAGES)[number];
}

/** `CompleteStage` of a Pergub 113 round: `{ stage }` (B-DONE decides whether it is done). */
export class PergubCompleteStageDto {
  @ApiProperty({ enum: PERGUB113_STAGES, example: 'constitutingTpk' })
  @IsIn(PERGUB113_STAGES)
  stage!: (typeof PERGUB113_STAGES)[number];
}
