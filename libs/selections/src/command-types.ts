import type { Actor } from '@jejak/workflows';
import type { SelectionEventView } from './selection-event.js';

export type Clock = () => Date;
export type IdGenerator = () => string;

/** A command as the caller states it: the actor comes from the verified token, never the body. */
export type IncomingCommand = {
  type: string;
  data: Record<string, unknown>;
  actor: Actor;
  /**
   * When the act took effect, as its caller states it (a calendar date or an instant with an
   * offset); absent: the date of its paper, else the moment it is recorded.
   */
  effectiveAt?: string | undefined;
};

export type HandleCommandOptions = {
  /** The procedure of the selection `OpenSelection` opens; ignored for every other command. */
  kind?: string;
  /** `If-Match`: the revision the caller saw; any other fails with PRECONDITION_FAILED. */
  expectedRevision?: number;
  /**
   * `Idempotency-Key`, per selection and per caller: the same key from the same actor (`sub`)
   * with the same request answers the first result; with another request, or from another
   * actor, it is IDEMPOTENCY_KEY_REUSED.
   */
  idempotencyKey?: string;
  correlationId?: string;
  causationId?: string;
};

export type CommandResult = {
  selectionId: string;
  kind: string;
  revision: number;
  state: string;
  events: SelectionEventView[];
  /** True when the `Idempotency-Key` was seen before: the first result, nothing appended. */
  replayed: boolean;
};
