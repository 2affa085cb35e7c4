import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsPositive } from 'class-validator';

/** A score is a number with its scale (docs/domain.md §7), e.g. `{ value: 82.5, scale: 100 }`. */
export class ScoreDto {
  @ApiProperty({ example: 82.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @ApiProperty({ example: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  scale!: number;
}
