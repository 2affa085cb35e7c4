import type { Type } from '@nestjs/common';

/** Command type -> the class-validator DTO of its body. */
export type CommandDtoMap = Readonly<Record<string, Type<object>>>;
