/** DI tokens of the selections lib (STYLE.md: SCREAMING_SNAKE symbols in `<lib>.tokens.ts`). */
export const PROCEDURES = Symbol('PROCEDURES');
export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');
export const SELECTIONS_OPTIONS = Symbol('SELECTIONS_OPTIONS');
