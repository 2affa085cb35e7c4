import { MESSAGE_CATALOGUE } from '../../core/message-catalogue.js';
import { localizeViolation } from '../../core/messages.js';
import { citationsOf, type Violation } from '../../core/rule.js';
import { acceptedEvents, given, type DeciderOutcome } from '../../testing/decider-specification.js';
import type { JptpCommand } from '../jptp.commands.js';
import type { JptpContext } from '../jptp.context.js';
import type { JptpEvent } from '../jptp.events.js';
import { jptpOpenSelection } from '../jptp.procedure.js';
import type { JptpRule } from '../jptp.rules.js';

// Assertions for the JPTP rule specifications (Jest's global `expect`, like the decider DSL).

type Outcome = DeciderOutcome<JptpContext, JptpEvent>;

/** Decides `command` after `events`. */
export const when = (events: readonly JptpEvent[], command: JptpCommand): Outcome =>
  given(jptpOpenSelection, events).when(command);

/** The events after `events` plus the accepted `commands`. */
export const after = (events: readonly JptpEvent[], ...commands: JptpCommand[]): JptpEvent[] =>
  acceptedEvents(jptpOpenSelection, commands, events);

/**
 * Asserts that only `rule` is broken, every violation with its citation, one mentioning `text` in
 * Bahasa Indonesia (the default message) or in its English rendering from the catalogue.
 */
export function expectBroken(outcome: Outcome, rule: JptpRule, text?: string): Violation[] {
  const violations = outcome.thenRejects(rule.id);
  // The citation in force on the act's date: one of the rule's periods (citations.spec.ts).
  const periods = citationsOf(rule).map((period) => period.text);
  for (const violation of violations) {
    expect(periods).toContain(violation.citation);
    // A catalogue message names a key the catalogue has (messages.spec.ts checks its texts).
    if (violation.messageKey !== undefined) {
      expect(Object.keys(MESSAGE_CATALOGUE)).toContain(violation.messageKey);
    }
  }
  if (text !== undefined) {
    const read = violations.flatMap((v) => [v.message, localizeViolation(v, 'en').message]);
    expect(read.join('\n')).toContain(text);
  }
  return violations;
}

/** Asserts acceptance and returns the resulting stage and context. */
export function expectAccepted(outcome: Outcome) {
  if (outcome.decision.kind !== 'Accepted') {
    throw new Error(`Expected Accepted, got ${JSON.stringify(outcome.decision, null, 2)}`);
  }
  return outcome.then(outcome.decision.events);
}
