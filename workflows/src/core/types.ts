/** Who may act in jejak (docs/domain.md §1). */
export const ROLES = [
  'SEKRETARIAT',
  'PANSEL',
  'TPK',
  'ASESOR',
  'PPK',
  'SEKDA',
  'AUDITOR',
  'SYSTEM',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** The person behind a command, taken from the verified token, never from the body. */
export type Actor = { sub: string; name: string; nip?: string; role: Role };

/** Time and identity arrive with the command: the machine never reads a clock. */
export type CommandMetadata = {
  /**
   * When the act took effect (ISO 8601 instant with offset, e.g. `2024-05-15T09:00:00+08:00`):
   * the date of its paper, or the moment it is recorded when it has none. Rules, windows and
   * deadlines are evaluated at it; it becomes the event's `occurredAt`.
   */
  now: string;
  /** The server's clock when the command is recorded (absent: the same as `now`). */
  recordedAt?: string;
  actor: Actor;
};

export type Command<T extends string = string, D = Record<string, unknown>> = {
  type: T;
  data: D;
  metadata: CommandMetadata;
};

/**
 * A domain event as stored. Every event's data carries `occurredAt` (the command's `now`: when
 * the act took effect, its `effectiveAt`), so a replay evaluates rules as of the act's date.
 */
export type DomainEvent<T extends string = string, D = Record<string, unknown>> = {
  type: T;
  data: D & { occurredAt: string };
};

/**
 * An evidence file of a document (its signed PDF, a scan), uploaded first and referred to by the
 * SHA-256 of its bytes; the event keeps the hash, media type and size, never the bytes.
 */
export type DocumentFile = { sha256: string; mediaType: string; size: number };

/**
 * A letter or decree issued outside jejak and recorded by the Sekretariat (docs/domain.md §1).
 * `files` is optional and additive: events stored before it existed read unchanged.
 */
export type RecordedDocument = {
  issuer: string;
  number: string;
  date: string;
  subject: string;
  files?: DocumentFile[];
};

/** A person: NIP is 18 digits. */
export type Person = { nip: string; name: string };

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${JSON.stringify(value)}`);
}
