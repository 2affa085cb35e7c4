import { applyDecorators } from '@nestjs/common';
import { IsNotEmpty, IsString, MaxLength, type ValidationOptions } from 'class-validator';

/** A non-empty identifier chosen by the caller (`vacancyId`, `applicationId`), at most 100 characters. */
export const IsIdentifier = (options?: ValidationOptions) =>
  applyDecorators(IsString(options), IsNotEmpty(options), MaxLength(100, options));

/** Non-empty free text of at most `max` characters (a reason, a title, a note). */
export const IsText = (max = 2000, options?: ValidationOptions) =>
  applyDecorators(IsString(options), IsNotEmpty(options), MaxLength(max, options));
