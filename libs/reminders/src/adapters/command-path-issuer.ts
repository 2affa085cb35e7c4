import type { Actor } from '@jejak/workflows';
import type { ActionIssuer, ActionOutcome } from '../core/selection-port.js';

/** The scheduler as an actor (docs/domain.md §1): recorded on every event it causes. */
export const SYSTEM_ACTOR: Actor = {
  sub: 'system:reminders',
  name: 'jejak scheduler',
  role: 'SYSTEM',
};

/** What the reminders need of the command path: `SelectionCommands.execute` fits. */
export type CommandPath = {
  execute(
    selectionId: string,
    command: {
      type: string;
      data: Record<string, unknown>;
      actor: Actor;
      effectiveAt?: string | undefined;
    },
    options?: { idempotencyKey?: string; correlationId?: string },
  ): Promise<{ replayed: boolean; state: string }>;
};

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;

/**
 * Issues time-driven commands as SYSTEM through the same path as people (roles, rules, one
 * append). Idempotent: the key answers the first result; a state that no longer accepts the
 * command (registration already closed) is a no-op. Rules broken: a person must act. Any other
 * fault throws, and the job retries.
 */
export function commandPathIssuer(
  commands: CommandPath,
  actor: Actor = SYSTEM_ACTOR,
): ActionIssuer {
  return {
    async issue({ selectionId, type, now, dueAt, idempotencyKey, correlationId }) {
      // A step with no paper of its own takes effect when it is recorded, unless its deadline
      // has already passed: then at the deadline, where the law puts it.
      const late = dueAt !== undefined && Date.parse(dueAt) < Date.parse(now);
      try {
        const result = await commands.execute(
          selectionId,
          { type, data: {}, actor, ...(late ? { effectiveAt: dueAt } : {}) },
          { idempotencyKey, ...(correlationId === undefined ? {} : { correlationId }) },
        );
        const detail = `state ${result.state}${result.replayed ? ', first result replayed' : ''}`;
        return { status: 'accepted', detail } satisfies ActionOutcome;
      } catch (error) {
        const code = codeOf(error);
        if (code === 'COMMAND_NOT_ALLOWED_IN_STATE' || code === 'NOT_FOUND') {
          return { status: 'no-op', detail: (error as Error).message };
        }
        if (code === 'RULES_BROKEN' || code === 'FORBIDDEN_ROLE') {
          return { status: 'rejected', detail: (error as Error).message };
        }
        throw error;
      }
    },
  };
}
