import type { RuleInput } from '../core/decider.js';
import {
  defineRule,
  violationOf,
  type CheckMessage,
  type DatedCitation,
  type Rule,
  type Violation,
} from '../core/rule.js';
import { actionDate } from './pergub113.context.js';
import type { Pergub113Event } from './pergub113.events.js';
import type { PergubContext } from './pergub113.types.js';

export type Pergub113RuleInput = RuleInput<PergubContext, Pergub113Event>;
export type Pergub113Rule = Rule<Pergub113RuleInput>;

type EventOf<T extends Pergub113Event['type']> = Extract<Pergub113Event, { type: T }>;
type Handlers = {
  [T in Pergub113Event['type']]?: (context: PergubContext, event: EventOf<T>) => readonly CheckMessage[];
};

/**
 * A rule with one citation (or one per period, chosen by the act's date), checking only the
 * events it names (others pass).
 */
export function eventRule(definition: {
  id: string;
  citation: string | readonly DatedCitation[];
  on: Handlers;
}): Pergub113Rule {
  const { id, citation, on } = definition;
  return defineRule<Pergub113RuleInput>({
    id,
    citation,
    dateOf: ({ event }) => actionDate(event),
    check: ({ context, event }) => {
      const handler = on[event.type] as
        ((context: PergubContext, event: Pergub113Event) => readonly CheckMessage[]) | undefined;
      return handler ? handler(context, event) : [];
    },
  });
}

/** A message with its own, more precise citation (one Pasal huruf), inside a broader rule. */
export type CitedMessage = { citation: string; message: CheckMessage };
type CitedHandlers = {
  [T in Pergub113Event['type']]?: (context: PergubContext, event: EventOf<T>) => CitedMessage[];
};

/**
 * A rule whose violations each carry the exact provision broken (e.g. `Pasal 3 huruf d`) while
 * the rule keeps its id and its overall citation.
 */
export function citedRule(definition: {
  id: string;
  citation: string;
  on: CitedHandlers;
}): Pergub113Rule {
  const { id, citation, on } = definition;
  return {
    id,
    citation,
    check: (input): Violation[] => {
      const handler = on[input.event.type] as
        ((context: PergubContext, event: Pergub113Event) => CitedMessage[]) | undefined;
      return (handler?.(input.context, input.event) ?? []).map((m) =>
        violationOf(id, m.citation, m.message),
      );
    },
  };
}

/** Values that occur more than once. */
export const duplicates = (values: readonly string[]) => [
  ...new Set(values.filter((value, index) => values.indexOf(value) !== index)),
];
