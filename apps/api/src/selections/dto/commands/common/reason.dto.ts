import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A decision recorded with its reason (docs/domain.md: cancel, suspend, resume "with a reason"). */
export class ReasonDto {
  @ApiProperty({ example: 'Fungsi KASN beralih ke BKN/KemenPAN-RB' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** `CancelSelection` (JPTP, PPK): from any state before `completed`. */
export class CancelSelectionDto extends ReasonDto {}

/** `CancelFilling` (Pergub 113, PPK). */
export class CancelFillingDto extends ReasonDto {}

/** `SuspendSelection` (JPTP, PPK): from any active state. */
export class SuspendSelectionDto extends ReasonDto {}

/** `ResumeSelection` (JPTP, PPK): back to the stage it was suspended in. */
export class ResumeSelectionDto extends ReasonDto {}
