import type { Role, Violation } from '@jejak/workflows';

/**
 * Why a command or a query of a selection was refused. Each error carries a stable `code` (never
 * an HTTP status: the API's ProblemDetailsFilter maps codes to responses in one place) and
 * `details`, the problem extension members (never internals). The mapping the API uses:
 *
 * | code                          | HTTP | details                                         |
 * | ----------------------------- | ---- | ----------------------------------------------- |
 * | NOT_FOUND                     | 404  | `{ selectionId }` or `{ commandType }`          |
 * | FORBIDDEN_ROLE                | 403  | `{ role, allowedRoles }` (+ `reason`)           |
 * | COMMAND_NOT_ALLOWED_IN_STATE  | 409  | `{ state, acceptedCommands }`                   |
 * | CONCURRENT_MODIFICATION       | 409  | `{ currentRevision }` (lost the race twice)     |
 * | PRECONDITION_FAILED           | 412  | `{ expectedRevision, currentRevision }` + ETag  |
 * | RULES_BROKEN                  | 422  | `{ violations: [{ rule, citation, message }] }` |
 *   (each violation may also carry `messageKey` and `params`: the API renders `message` by
 *   `Accept-Language` from the catalogue in @jejak/workflows)
 * | IDEMPOTENCY_KEY_REUSED        | 422  | `{ idempotencyKey }` (other body or other actor)|
 */
export const SELECTIONS_ERROR_CODES = [
  'NOT_FOUND',
  'FORBIDDEN_ROLE',
  'COMMAND_NOT_ALLOWED_IN_STATE',
  'CONCURRENT_MODIFICATION',
  'PRECONDITION_FAILED',
  'RULES_BROKEN',
  'IDEMPOTENCY_KEY_REUSED',
] as const;
export type SelectionsErrorCode = (typeof SELECTIONS_ERROR_CODES)[number];

export abstract class SelectionsError extends Error {
  abstract readonly code: SelectionsErrorCode;
  abstract readonly details: Record<string, unknown>;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** No selection with this id (or no procedure of this kind). */
export class SelectionNotFoundError extends SelectionsError {
  readonly code = 'NOT_FOUND';
  readonly details: { selectionId: string };

  constructor(selectionId: string, message = `Selection ${selectionId} does not exist`) {
    super(message);
    this.details = { selectionId };
  }
}

/** The command type is not one jejak knows (docs/domain.md's catalog), or not one of this procedure. */
export class UnknownCommandError extends SelectionsError {
  readonly code = 'NOT_FOUND';
  readonly details: { commandType: string; kind?: string };

  constructor(commandType: string, kind?: string) {
    super(
      kind === undefined
        ? `Unknown command ${JSON.stringify(commandType)}`
        : `${JSON.stringify(commandType)} is not a command of ${kind} selections`,
    );
    this.details = { commandType, ...(kind === undefined ? {} : { kind }) };
  }
}

/** The acting role may not issue this command (or, strict, is not a recorded committee member). */
export class ForbiddenRoleError extends SelectionsError {
  readonly code = 'FORBIDDEN_ROLE';
  readonly details: { role: Role; allowedRoles: Role[]; reason?: string };

  constructor(commandType: string, role: Role, allowedRoles: readonly Role[], reason?: string) {
    super(
      reason ??
        `Role ${role} may not issue ${commandType}; allowed: ${allowedRoles.join(', ') || 'none'}`,
    );
    this.details = { role, allowedRoles: [...allowedRoles], ...(reason ? { reason } : {}) };
  }
}

/** The selection's current state does not accept the command. */
export class CommandNotAllowedInStateError extends SelectionsError {
  readonly code = 'COMMAND_NOT_ALLOWED_IN_STATE';
  readonly details: { state: string; acceptedCommands: string[] };

  constructor(commandType: string, state: string, acceptedCommands: readonly string[]) {
    super(`${commandType} is not accepted in state ${state}`);
    this.details = { state, acceptedCommands: [...acceptedCommands] };
  }
}

/** One or more legal rules are broken: all of them, each with its id and citation. */
export class RulesBrokenError extends SelectionsError {
  readonly code = 'RULES_BROKEN';
  readonly details: { violations: Violation[] };

  constructor(commandType: string, violations: readonly Violation[]) {
    super(`${commandType} breaks ${violations.map((v) => v.rule).join(', ')}`);
    this.details = { violations: [...violations] };
  }
}

/** `If-Match` named a revision the selection is no longer (or not yet) at. */
export class PreconditionFailedError extends SelectionsError {
  readonly code = 'PRECONDITION_FAILED';
  readonly details: { expectedRevision: number; currentRevision: number | null };

  constructor(expectedRevision: number, currentRevision: number | null) {
    super(
      `The selection is at revision ${currentRevision ?? 'none'}, If-Match expected ${expectedRevision}`,
    );
    this.details = { expectedRevision, currentRevision };
  }
}

/** Another writer won the race twice (after one automatic re-decide). */
export class ConcurrentModificationError extends SelectionsError {
  readonly code = 'CONCURRENT_MODIFICATION';
  readonly details: { currentRevision: number | null };

  constructor(currentRevision: number | null) {
    super('The selection changed while the command was decided; reload and retry');
    this.details = { currentRevision };
  }
}

/**
 * The Idempotency-Key was already used on this selection for a different request: another
 * command or body, or another caller (keys are scoped per actor `sub`: a second user's key never
 * answers the first user's result, and is refused rather than appended twice under one key).
 */
export class IdempotencyKeyReusedError extends SelectionsError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly details: { idempotencyKey: string };

  constructor(idempotencyKey: string) {
    super(
      `Idempotency-Key ${JSON.stringify(idempotencyKey)} was already used for a different request; use a new key`,
    );
    this.details = { idempotencyKey };
  }
}
