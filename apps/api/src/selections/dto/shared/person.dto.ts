import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { NIP } from './formats.js';

/** A person: `{ nip, name }`, NIP 18 digits (docs/domain.md §7). */
export class PersonDto {
  @ApiProperty({ pattern: NIP.source, example: '197001012000031002' })
  @Matches(NIP, { message: '$property must be 18 digits' })
  nip!: string;

  @ApiProperty({ example: 'Dr. Maria Goreti, S.E., M.Si.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}
