import { BadRequestException } from '@nestjs/common';

/**
 * The shape limits of every request, checked before anything is built from it (documented in the
 * README, "Limits"): a JSON body nests at most `maxDepth` objects/arrays and holds at most
 * `maxKeys` object members in all; a query string has at most `maxQueryParameters` parameters
 * (a repeated name counts each time). A deeper body once cost a 500 (the validator's recursion
 * overflowed the stack at ~5,000 levels); no command needs more than a handful of levels.
 */
export const INPUT_LIMITS = {
  maxDepth: 64,
  maxKeys: 10_000,
  maxQueryParameters: 100,
} as const;

export type InputLimit = keyof typeof INPUT_LIMITS;

export type InputLimitViolation = { limit: InputLimit; maximum: number; detail: string };

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const COLON = 0x3a; // :

/**
 * One pass over the raw JSON text (strings skipped), before it is parsed: nesting depth and the
 * number of members (colons outside strings). Malformed text is left to the parser (400).
 */
export function jsonShapeViolation(
  text: string,
  limits: { maxDepth: number; maxKeys: number } = INPUT_LIMITS,
): InputLimitViolation | undefined {
  let depth = 0;
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: to the next quote not escaped.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limits.maxDepth) {
        return {
          limit: 'maxDepth',
          maximum: limits.maxDepth,
          detail: `The body nests objects and arrays deeper than ${limits.maxDepth} levels`,
        };
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    } else if (c === COLON && ++keys > limits.maxKeys) {
      return {
        limit: 'maxKeys',
        maximum: limits.maxKeys,
        detail: `The body has more than ${limits.maxKeys} object members`,
      };
    }
  }
  return undefined;
}

/** How many parameters a parsed query string has (each value of a repeated name counts). */
export function queryParameterCount(query: unknown): number {
  if (query === null || typeof query !== 'object') return 0;
  let count = 0;
  for (const value of Object.values(query as Record<string, unknown>)) {
    count += Array.isArray(value) ? value.length : 1;
  }
  return count;
}

export function queryViolation(
  query: unknown,
  maximum: number = INPUT_LIMITS.maxQueryParameters,
): InputLimitViolation | undefined {
  if (queryParameterCount(query) <= maximum) return undefined;
  return {
    limit: 'maxQueryParameters',
    maximum,
    detail: `The query string has more than ${maximum} parameters`,
  };
}

/** 400 problem+json naming the limit: `{ limit: 'maxDepth', maximum: 64 }`. */
export function inputLimitError(violation: InputLimitViolation): BadRequestException {
  return new BadRequestException({
    message: violation.detail,
    limit: violation.limit,
    maximum: violation.maximum,
  });
}
