import { checkRules, type Rule } from './rule.js';

// Folding stored events replays facts that were decided when they were appended: their rules
// held then (decide checked them), so a replay must not check them again, neither for speed (a
// fold of 100,000 events would re-run every rule) nor for meaning (the past is not re-judged).
// `replaying` marks the synchronous stretch in which the decider folds; the machines' rule guard
// passes inside it. Nothing else changes: the other guards (`selectionDone`, ...) still run, and
// outside a replay `snapshot.can(event)` checks the rules as before.

let depth = 0;

/** Runs `fold` as a replay of stored events: the machines' `rulesHold` guard passes within it. */
export function replaying<T>(fold: () => T): T {
  depth += 1;
  try {
    return fold();
  } finally {
    depth -= 1;
  }
}

/**
 * The `rulesHold` guard of every procedure machine: the event's rules hold (the same rules the
 * command's decision checks), or a stored event is being replayed.
 */
export function rulesHold<I>(input: I, params: { readonly rules: readonly Rule<I>[] }): boolean {
  return depth > 0 || checkRules(params.rules, input).length === 0;
}
