/** A broken rule, with its id and legal citation (DOMAIN.md §7). */
export type Violation = { rule: string; citation: string; message: string };

/** A rule is one pure function that returns violations and never throws. */
export type Rule<I> = {
  readonly id: string;
  readonly citation: string;
  check(input: I): Violation[];
};

/**
 * Defines a rule: `check` returns the messages of what is broken (empty when the rule holds);
 * the rule wraps each into a Violation carrying its id and citation.
 */
export function defineRule<I>(definition: {
  id: string;
  citation: string;
  check: (input: I) => readonly string[];
}): Rule<I> {
  const { id, citation } = definition;
  return {
    id,
    citation,
    check: (input) => definition.check(input).map((message) => ({ rule: id, citation, message })),
  };
}

/** Every violation of every rule, all at once. */
export function checkRules<I>(rules: readonly Rule<I>[], input: I): Violation[] {
  return rules.flatMap((rule) => rule.check(input));
}
