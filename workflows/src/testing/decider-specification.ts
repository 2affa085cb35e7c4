import type { AnyMachineSnapshot } from 'xstate';
import type { Procedure } from '../core/decider.js';
import type { Decision } from '../core/decision.js';
import type { Violation } from '../core/rule.js';
import type { Actor, Command, DomainEvent, Role } from '../core/types.js';

// Given/when/then for a procedure's pure decider (STYLE.md, Test conventions), in the spirit of
// Oskar Dudycz's CommandHandlerSpecification. It uses Jest's global `expect` rather than importing
// '@jest/globals', so workflows/ keeps importing only xstate and itself.

export type NotAllowedExpectation = { state: string; acceptedCommands?: readonly string[] };

export type DeciderOutcome<Ctx, E extends DomainEvent> = {
  /** The raw decision, for assertions the three helpers below do not cover. */
  readonly decision: Decision<E>;
  /** Asserts `Accepted` with exactly these events, each allowed by `snapshot.can`; returns the next state. */
  then(expected: readonly E[]): { state: string; context: Ctx; snapshot: AnyMachineSnapshot };
  /** Asserts `RulesBroken` by exactly these rule ids, every violation with a citation and a message. */
  thenRejects(...ruleIds: string[]): Violation[];
  /** Asserts `NotAllowedInState` in `state` (and, when given, exactly these accepted commands). */
  thenNotAllowed(expected: NotAllowedExpectation): void;
};

const uniqueSorted = (values: readonly string[]) => [...new Set(values)].sort();

function describeDecision<E>(decision: Decision<E>): string {
  return JSON.stringify(decision, null, 2);
}

function expectKind<E>(decision: Decision<E>, kind: Decision<E>['kind']): void {
  if (decision.kind !== kind) {
    throw new Error(`Expected ${kind}, got ${decision.kind}:\n${describeDecision(decision)}`);
  }
}

export function given<Ctx, C extends Command, E extends DomainEvent>(
  procedure: Procedure<Ctx, C, E>,
  events: readonly E[] = [],
) {
  return {
    when(command: C): DeciderOutcome<Ctx, E> {
      const snapshot = procedure.fold(events);
      const decision = procedure.decide(command, snapshot);
      return {
        decision,
        then(expected) {
          expectKind(decision, 'Accepted');
          const produced = decision.kind === 'Accepted' ? decision.events : [];
          expect(produced).toEqual(expected);
          const next = produced.reduce((current, event) => {
            expect({ event: event.type, can: current.can(event) }).toEqual({
              event: event.type,
              can: true,
            });
            return procedure.evolve(current, event);
          }, snapshot);
          return {
            state: procedure.stateOf(next),
            context: procedure.contextOf(next),
            snapshot: next,
          };
        },
        thenRejects(...ruleIds) {
          if (ruleIds.length === 0) throw new Error('thenRejects needs at least one rule id');
          expectKind(decision, 'RulesBroken');
          const violations = decision.kind === 'RulesBroken' ? decision.violations : [];
          expect(uniqueSorted(violations.map((v) => v.rule))).toEqual(uniqueSorted(ruleIds));
          for (const violation of violations) {
            expect({
              rule: violation.rule,
              citation: violation.citation.trim().length > 0,
            }).toEqual({
              rule: violation.rule,
              citation: true,
            });
            expect({ rule: violation.rule, message: violation.message.trim().length > 0 }).toEqual({
              rule: violation.rule,
              message: true,
            });
          }
          return violations;
        },
        thenNotAllowed(expected) {
          expectKind(decision, 'NotAllowedInState');
          if (decision.kind !== 'NotAllowedInState') return;
          expect(decision.state).toBe(expected.state);
          expect(decision.acceptedCommands).not.toContain(command.type);
          if (expected.acceptedCommands) {
            expect(uniqueSorted(decision.acceptedCommands)).toEqual(
              uniqueSorted(expected.acceptedCommands),
            );
          }
        },
      };
    },
  };
}

export type CommandOptions = {
  /** ISO 8601 instant with offset, e.g. `2024-05-15T09:00:00+08:00`. */
  now: string;
  role: Role;
  sub?: string;
  name?: string;
  nip?: string;
};

/** Builds a command with its time and actor, as the API would from the token and the clock. */
export function command<T extends string, D>(
  type: T,
  data: D,
  options: CommandOptions,
): Command<T, D> {
  const { now, role, sub, name, nip } = options;
  const actor: Actor = {
    sub: sub ?? `${role.toLowerCase()}-test`,
    name: name ?? `Test ${role}`,
    role,
    ...(nip === undefined ? {} : { nip }),
  };
  return { type, data, metadata: { now, actor } };
}

/** Builds a stored event, for `given(procedure, [event(...)])`. */
export function event<T extends string, D extends Record<string, unknown>>(
  type: T,
  data: D,
  occurredAt: string,
): DomainEvent<T, D> {
  return { type, data: { ...data, occurredAt } };
}

/**
 * Decides the commands one after another from the initial state and returns every event; throws
 * (with the decision) if one is not accepted. For building a history from commands.
 */
export function acceptedEvents<Ctx, C extends Command, E extends DomainEvent>(
  procedure: Procedure<Ctx, C, E>,
  commands: readonly C[],
  from: readonly E[] = [],
): E[] {
  const events = [...from];
  let snapshot = procedure.fold(events);
  for (const next of commands) {
    const decision = procedure.decide(next, snapshot);
    if (decision.kind !== 'Accepted') {
      throw new Error(`${next.type} was not accepted:\n${describeDecision(decision)}`);
    }
    snapshot = procedure.fold(decision.events, snapshot);
    events.push(...decision.events);
  }
  return events;
}
