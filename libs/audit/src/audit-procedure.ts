import type { AnyMachineSnapshot } from 'xstate';
import type { RecordedEvent } from '@jejak/event-store';
import { upcastEvent, type DomainEvent, type SelectionSummary } from '@jejak/workflows';
import { UnknownProcedureError } from './audit.errors.js';

/**
 * What the audit needs of a procedure (a structural slice of `Procedure` from @jejak/workflows,
 * so every real procedure fits): fold the stored events, name the state, and know which rules
 * (with citations) stood behind each command.
 */
export type AuditProcedure = {
  readonly kind: string;
  readonly commands: Readonly<
    Record<
      string,
      {
        readonly event: string;
        readonly roles: readonly string[];
        readonly rules: readonly { readonly id: string; readonly citation: string }[];
      }
    >
  >;
  initialState(): AnyMachineSnapshot;
  evolve(snapshot: AnyMachineSnapshot, event: DomainEvent): AnyMachineSnapshot;
  stateOf(snapshot: AnyMachineSnapshot): string;
  summarize(snapshot: AnyMachineSnapshot): SelectionSummary;
};

/** The procedures by kind (`procedures` from @jejak/workflows). */
export type AuditProcedures = Readonly<Record<string, AuditProcedure>>;

const KIND_KEYS = ['procedure', 'kind', 'procedureKind'] as const;

function kindIn(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  for (const key of KIND_KEYS) {
    const value = (record as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/** The procedure kind a stream was opened with: in its first event's metadata or data. */
export function procedureKindOf(first: Pick<RecordedEvent, 'metadata' | 'data'>): string | null {
  return kindIn(first.metadata) ?? kindIn(first.data);
}

export function procedureFor(
  procedures: AuditProcedures,
  first: Pick<RecordedEvent, 'metadata' | 'data'>,
): AuditProcedure {
  const kind = procedureKindOf(first);
  const procedure = kind === null ? undefined : procedures[kind];
  if (!procedure) throw new UnknownProcedureError(kind);
  return procedure;
}

/**
 * A stored event as the machine folds it (`occurredAt` travels inside the data), read as today's
 * code reads it: an older event through its upcasters (after its chain was verified).
 */
export function toDomainEvent(
  event: Pick<RecordedEvent, 'type' | 'data' | 'metadata' | 'recordedAt'>,
): DomainEvent {
  const current = upcastEvent(event);
  return { type: current.type, data: current.data as DomainEvent['data'] };
}
