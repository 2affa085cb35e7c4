/**
 * Errors of the audit lib: each carries a `code` (never an HTTP status); the API's problem-details
 * filter maps them.
 */
export class AuditError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The selection's stream does not exist (or holds no event). */
export class SelectionNotFoundError extends AuditError {
  constructor(readonly selectionId: string) {
    super('SELECTION_NOT_FOUND', `No selection ${selectionId}`);
  }
}

/** A time, revision or format the caller gave cannot be understood. */
export class InvalidAuditQueryError extends AuditError {
  constructor(message: string) {
    super('INVALID_AUDIT_QUERY', message);
  }
}

/** The stream names a procedure that this build does not know. */
export class UnknownProcedureError extends AuditError {
  constructor(readonly kind: string | null) {
    super(
      'UNKNOWN_PROCEDURE',
      kind === null ? 'The selection does not say its procedure' : `Unknown procedure ${kind}`,
    );
  }
}

/** The configured signing key is not an Ed25519 private key. */
export class InvalidSigningKeyError extends AuditError {
  constructor(message: string) {
    super('INVALID_SIGNING_KEY', message);
  }
}
