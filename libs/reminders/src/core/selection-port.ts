import type { Deadline, VacancySummary } from '@jejak/workflows';

/** What the reminders need to know of a selection, folded from its events when asked. */
export type SelectionFacts = {
  selectionId: string;
  title: string;
  state: string;
  vacancies: VacancySummary[];
  /** `procedure.deadlines(snapshot)`: the deadlines that still apply. */
  deadlines: Deadline[];
  /**
   * When the selection's first act was recorded: a deadline due before it had passed before the
   * record existed (a back-filled selection), so nobody is reminded of it.
   */
  recordedSince?: string | undefined;
};

/** Reads a selection from the event store (null: no such selection). */
export interface SelectionReader {
  read(selectionId: string): Promise<SelectionFacts | null>;
}

/**
 * What became of a time-driven command: `accepted` (events appended), `no-op` (nothing to do:
 * already done, or the state no longer accepts it, so firing twice changes nothing), `rejected`
 * (rules broken: a person must act).
 */
export type ActionOutcome = { status: 'accepted' | 'no-op' | 'rejected'; detail?: string };

/** Issues a command as actor SYSTEM through the same command path as people. */
export interface ActionIssuer {
  issue(input: {
    selectionId: string;
    /** Command type from the deadline's `action`, e.g. `CloseRegistration`. */
    type: string;
    /** The worker's clock: the command's `metadata.now`. */
    now: string;
    /**
     * The deadline the command is due at (ISO): a step fired after its deadline (a back-filled
     * selection, a worker that was down) takes the deadline as its effective time.
     */
    dueAt?: string;
    /** Same key on a redelivery: the command path answers the first result and appends nothing. */
    idempotencyKey: string;
    correlationId?: string;
  }): Promise<ActionOutcome>;
}

/** `selection-<uuid>` <-> `<uuid>`. */
export const SELECTION_STREAM_PREFIX = 'selection-';
export const selectionIdOf = (streamId: string): string | null =>
  streamId.startsWith(SELECTION_STREAM_PREFIX)
    ? streamId.slice(SELECTION_STREAM_PREFIX.length)
    : null;
export const streamIdOf = (selectionId: string): string =>
  `${SELECTION_STREAM_PREFIX}${selectionId}`;
