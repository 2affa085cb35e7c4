import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** docs/domain.md §7: dates are ISO 8601 calendar dates, `2024-05-15`. */
export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `YYYY-MM-DD` (shape only; which dates are allowed is law). */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(CALENDAR_DATE, { message: '$property must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );

/** A NIP is 18 digits (docs/domain.md §7). */
export const NIP = /^\d{18}$/;
