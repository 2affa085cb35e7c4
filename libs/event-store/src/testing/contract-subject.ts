import type { EventStore, NewEvent, ReadModelStore } from '../event-store.port.js';

/** Real tampering, as an attacker with database access would do it (SQL, not mocks). */
export type TamperHooks = {
  /** Rewrites the data of the event at `revision`, leaving its hashes alone. */
  alterData(streamId: string, revision: number): Promise<void>;
  deleteEvent(streamId: string, revision: number): Promise<void>;
  /** Exchanges the stored places of two events of the stream. */
  swapEvents(streamId: string, revisionA: number, revisionB: number): Promise<void>;
};

/** A real append transaction that holds its global position without committing yet. */
export type HeldAppend = { commit(): Promise<void> };

/** One opened store under test, plus the adapter-specific hooks the contract needs. */
export type ContractSubject = {
  eventStore: EventStore;
  /** Null for an adapter that keeps no documents itself. */
  readModels: ReadModelStore | null;
  tamper?: TamperHooks;
  /** Closes this store and opens a new one on the same storage (durability). */
  reopen?: () => Promise<ContractSubject>;
  /** For the sequence-gap test: begin an append and keep its transaction in flight. */
  holdAppend?: (streamId: string, events: NewEvent[]) => Promise<HeldAppend>;
  /** How many appends are currently waiting behind another transaction (observed in the DB). */
  blockedAppends?: () => Promise<number>;
  /** Kills the store's open database connections from outside (a dropped connection). */
  dropConnections?: () => Promise<void>;
  close(): Promise<void>;
};

export type ContractSubjectFactory = () => Promise<ContractSubject>;
