import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Response shapes for the OpenAPI document only (the controllers return the lib's plain views).

export class SelectionCreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'jptp-open-selection' }) kind!: string;
  @ApiProperty({ example: 'planning' }) state!: string;
  @ApiProperty({ example: 0 }) revision!: number;
}

export class SelectionEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() globalPosition!: number;
  @ApiProperty({ example: 'CandidateChosen' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    description: 'The verified caller: sub, name, nip (when known), role',
    additionalProperties: true,
  })
  actor!: Record<string, unknown>;
  @ApiProperty({ example: 'PPK' }) role!: string;
  @ApiProperty({
    type: [String],
    description: 'Citations of the rules the command was checked against',
  })
  legalBasis!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    properties: {
      actor: {
        type: 'object',
        additionalProperties: true,
        description: 'The verified caller: sub, name, nip (when known), role',
      },
      legalBasis: {
        type: 'array',
        items: { type: 'string' },
        description: 'Citations of the rules the command was checked against',
      },
    },
    description:
      'As recorded: actor (object), legalBasis (array of citations), and strings role, kind, command, correlationId, causationId, idempotencyKey, bodyHash, recordedAt',
  })
  metadata!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) recordedAt!: string;
  @ApiProperty({ example: '2024-05-15T09:00:00.000+08:00', description: 'WITA (Asia/Makassar)' })
  recordedAtWita!: string;
  @ApiProperty({ description: 'SHA-256 of the previous event (64 zeros for the first)' })
  prevHash!: string;
  @ApiProperty({ description: 'SHA-256 over the canonical event and prevHash' }) hash!: string;
}

export class CommandResultDto {
  @ApiProperty() revision!: number;
  @ApiProperty({ example: 'registration' }) state!: string;
  @ApiProperty({ type: () => [SelectionEventDto] }) events!: SelectionEventDto[];
}

export class EventPageDto {
  @ApiProperty({ format: 'uuid' }) selectionId!: string;
  @ApiProperty({ type: () => [SelectionEventDto] }) events!: SelectionEventDto[];
  @ApiPropertyOptional({ type: Number, nullable: true }) nextFromRevision!: number | null;
}

export class SelectionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() state!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  vacancies!: unknown[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'planned vs actual per stage',
  })
  stages!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SelectionListDto {
  @ApiProperty({ type: () => [SelectionSummaryDto] }) items!: SelectionSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class SelectionDetailDto extends SelectionSummaryDto {
  @ApiProperty({ type: [String], description: "What the caller's role may issue now" })
  availableCommands!: string[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  upcomingDeadlines!: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  overdueDeadlines!: unknown[];
}

export class HistoricStateDto {
  @ApiProperty({ format: 'uuid' }) selectionId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) asOf!: Record<string, unknown>;
  @ApiPropertyOptional({ type: Number, nullable: true }) revision!: number | null;
  @ApiProperty() state!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  vacancies!: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true }) stages!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) context!: Record<string, unknown>;
}
