import { NO_STREAM, type EventStore } from '@jejak/event-store';
import type { Actor } from '@jejak/workflows';
import type { AuditProcedure } from '../audit-procedure.js';

/** The part of a real procedure that decides (sample or JPTP/Pergub). */
type Deciding = AuditProcedure & {
  fold(events: readonly { type: string; data: unknown }[]): unknown;
  decide(
    command: unknown,
    snapshot: never,
  ): { kind: string; events?: { type: string; data: unknown }[] };
};

/**
 * Test helper: load -> fold -> decide -> append, as the selections service does, with the
 * metadata the API records (actor as JSON, command, procedure on the first event). Throws when
 * the procedure does not accept the command: tests build only lawful histories.
 */
export async function recordDecision(
  store: EventStore,
  procedure: Deciding,
  selectionId: string,
  command: { type: string; data: Record<string, unknown>; now: string; actor: Actor },
): Promise<number> {
  const streamId = `selection-${selectionId}`;
  const stored = await store.readStream(streamId);
  const snapshot = procedure.fold(stored.map(({ type, data }) => ({ type, data })));
  const decision = procedure.decide(
    {
      type: command.type,
      data: command.data,
      metadata: { now: command.now, actor: command.actor },
    },
    snapshot as never,
  );
  if (decision.kind !== 'Accepted' || !decision.events) {
    throw new Error(`${command.type} was not accepted: ${JSON.stringify(decision)}`);
  }
  const metadata = {
    actor: JSON.stringify(command.actor),
    command: command.type,
    ...(stored.length === 0 ? { procedure: procedure.kind } : {}),
  };
  const result = await store.appendToStream(
    streamId,
    decision.events.map((event) => ({ type: event.type, data: event.data, metadata })),
    { expectedRevision: stored.length === 0 ? NO_STREAM : stored.length - 1 },
  );
  return result.nextExpectedRevision;
}
