import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PROCEDURE_KINDS } from '@jejak/workflows';

/** `GET /selections?kind=&state=&page=&pageSize=` */
export class SelectionListQueryDto {
  @ApiPropertyOptional({ enum: PROCEDURE_KINDS })
  @IsOptional()
  @IsIn(PROCEDURE_KINDS)
  kind?: string;

  @ApiPropertyOptional({ example: 'registration' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-zA-Z]{1,64}$/, { message: '$property must be a state name' })
  state?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** `GET /selections/:id/events?fromRevision=&limit=` */
export class EventsQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/**
 * `GET /selections/:id/state?at=<instant>` or `?revision=<n>` (exactly one). `at` is read as the
 * audit reads it (`stateAsOf`): with an offset or `Z`, or a local WITA date-time or date.
 */
export class StateAtQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2024-05-20T10:00:00+08:00',
    description: 'Waktu berlaku: keadaan menurut tanggal tindakan / by the acts’ effective times',
  })
  @IsOptional()
  @IsString()
  at?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-08T10:00:00+08:00',
    description: 'Waktu pencatatan: isi catatan pada saat itu / what the record said then',
  })
  @IsOptional()
  @IsString()
  knownAt?: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;
}
