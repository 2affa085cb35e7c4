import type { Type } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { isEffectiveTime } from '@jejak/workflows';

/**
 * The one way every command body carries the act's own date (issue 13): an optional
 * `effectiveAt`, a calendar date (`2024-05-15`, that day in WITA) or an instant with an offset
 * (`2024-05-15T09:00:00+08:00`). Absent: the date of the act's paper (its decree, letter,
 * announcement or document), else the moment it is recorded. It is not part of the event's data:
 * the event stores it as `metadata.effectiveAt` and its `occurredAt`.
 */
export const EFFECTIVE_AT = 'effectiveAt';

const DESCRIPTION =
  'Tanggal tindakan (tanggal dokumennya), bila berbeda dari saat pencatatan: tanggal ' +
  '(2024-05-15, WITA) atau waktu dengan zona (2024-05-15T09:00:00+08:00). Kosong: tanggal ' +
  'dokumennya, atau saat dicatat. / When the act took effect, if not when it is recorded.';

const decorated = new WeakSet<Type<object>>();

/** Adds the optional `effectiveAt` to a command DTO (its schema and its validation), once. */
export function withEffectiveAt<T extends Type<object>>(dto: T): T {
  if (decorated.has(dto)) return dto;
  decorated.add(dto);
  const decorators: PropertyDecorator[] = [
    ApiPropertyOptional({
      type: String,
      description: DESCRIPTION,
      example: '2024-05-15T09:00:00+08:00',
    }),
    IsOptional(),
    ValidateBy({
      name: 'isEffectiveTime',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isEffectiveTime(value),
        defaultMessage: () =>
          '$property must be a date (2024-05-15) or a date-time with an offset (2024-05-15T09:00:00+08:00)',
      },
    }),
  ];
  for (const decorate of decorators) decorate(dto.prototype as object, EFFECTIVE_AT);
  return dto;
}

/** The validated body split into the act's data and its stated effective time. */
export function splitEffectiveAt(body: Record<string, unknown>): {
  data: Record<string, unknown>;
  effectiveAt: string | undefined;
} {
  const { [EFFECTIVE_AT]: effectiveAt, ...data } = body;
  return { data, effectiveAt: typeof effectiveAt === 'string' ? effectiveAt : undefined };
}
