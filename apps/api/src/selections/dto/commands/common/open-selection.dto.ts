import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { JPTP_KIND, PERGUB113_KIND } from '@jejak/workflows';
import { PilkadaScheduleDto } from '../../shared/pilkada-schedule.dto.js';

/** `OpenSelection` of a JPTP open selection: its title (the id comes from the server). */
export class JptpOpenSelectionDto {
  @ApiProperty({ example: 'Seleksi Terbuka JPT Pratama Pemprov NTT 2024' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;
}

/** `OpenSelection` of a Pergub 113 round: its title and, optionally, the Pilkada cycles (§5). */
export class PergubOpenSelectionDto {
  @ApiProperty({ example: 'Pengisian Jabatan Administrator dan Pengawas 2024' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ type: () => [PilkadaScheduleDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PilkadaScheduleDto)
  pilkada?: PilkadaScheduleDto[];
}

/** `POST /selections` for a JPTP open selection. */
export class OpenJptpSelectionRequestDto extends JptpOpenSelectionDto {
  @ApiProperty({ enum: [JPTP_KIND] })
  @IsIn([JPTP_KIND])
  kind!: typeof JPTP_KIND;
}

/** `POST /selections` for a Pergub 113 filling round. */
export class OpenPergubSelectionRequestDto extends PergubOpenSelectionDto {
  @ApiProperty({ enum: [PERGUB113_KIND] })
  @IsIn([PERGUB113_KIND])
  kind!: typeof PERGUB113_KIND;
}
