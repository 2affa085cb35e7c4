import { renderMessage, type MessageParams, type RuleMessage } from './messages.js';

/**
 * A broken rule, with its id and legal citation (docs/domain.md §7). `message` is the Indonesian
 * text (the default); `messageKey` and `params` name the catalogue entry (core/messages.ts) so the
 * API can render it in the reader's language. A message still written as plain text has no key.
 */
export type Violation = {
  rule: string;
  citation: string;
  message: string;
  messageKey?: string;
  params?: MessageParams;
};

/** What a check reports: a catalogue message (key and parameters), or plain text. */
export type CheckMessage = string | RuleMessage;

/** A violation of `rule` for one reported message, cited with `citation`. */
export function violationOf(rule: string, citation: string, message: CheckMessage): Violation {
  if (typeof message === 'string') return { rule, citation, message };
  return {
    rule,
    citation,
    message: renderMessage(message, 'id'),
    messageKey: message.key,
    params: message.params,
  };
}

/**
 * A citation with the dates of the acts it governs: `from` and `until` are inclusive WITA dates
 * ('YYYY-MM-DD'); an open end has no bound. A rule whose basis changed (UU 5/2014 repealed by
 * UU 20/2023 on 2023-10-31) lists one entry per period, so a 2023 act cites the law of 2023.
 */
export type DatedCitation = { readonly from?: string; readonly until?: string; readonly text: string };

/** A rule is one pure function that returns violations and never throws. */
export type Rule<I> = {
  readonly id: string;
  /** The citation in force today (the last period of `citations`). */
  readonly citation: string;
  /** Every period of the rule's basis, oldest first; absent means `citation` for all dates. */
  readonly citations?: readonly DatedCitation[];
  check(input: I): Violation[];
};

/** The citation in force on `date`, or the last one when no period covers it. */
export function citationOn(citations: readonly DatedCitation[], date: string): string {
  const hit = citations.find(
    (c) => (c.from === undefined || c.from <= date) && (c.until === undefined || date <= c.until),
  );
  return (hit ?? citations[citations.length - 1])?.text ?? '';
}

/** The periods of a rule's citation (one open period when it never changed). */
export const citationsOf = (rule: {
  readonly citation: string;
  readonly citations?: readonly DatedCitation[];
}): readonly DatedCitation[] => rule.citations ?? [{ text: rule.citation }];

/**
 * Defines a rule: `check` returns the messages of what is broken (empty when the rule holds);
 * the rule wraps each into a Violation carrying its id and the citation in force on the act's
 * date (`dateOf`), or its one citation when it has no dated periods.
 */
export function defineRule<I>(definition: {
  id: string;
  citation: string | readonly DatedCitation[];
  dateOf?: (input: I) => string;
  check: (input: I) => readonly CheckMessage[];
}): Rule<I> {
  const { id, dateOf } = definition;
  const citations = typeof definition.citation === 'string' ? undefined : definition.citation;
  const citation =
    typeof definition.citation === 'string'
      ? definition.citation
      : (definition.citation[definition.citation.length - 1]?.text ?? '');
  const citeFor = (input: I) =>
    citations && dateOf ? citationOn(citations, dateOf(input)) : citation;
  return {
    id,
    citation,
    ...(citations ? { citations } : {}),
    check: (input) => {
      const messages = definition.check(input);
      if (messages.length === 0) return [];
      const cited = citeFor(input);
      return messages.map((message) => violationOf(id, cited, message));
    },
  };
}

/** Every violation of every rule, all at once. */
export function checkRules<I>(rules: readonly Rule<I>[], input: I): Violation[] {
  return rules.flatMap((rule) => rule.check(input));
}
