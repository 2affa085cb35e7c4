import type { Violation } from './rule.js';

export type Accepted<E> = { kind: 'Accepted'; events: E[] };
/** 409: the current state does not accept the command. */
export type NotAllowedInState = {
  kind: 'NotAllowedInState';
  state: string;
  acceptedCommands: string[];
};
/** 422: every broken rule with its citation. */
export type RulesBroken = { kind: 'RulesBroken'; violations: Violation[] };

export type Decision<E> = Accepted<E> | NotAllowedInState | RulesBroken;

export const accepted = <E>(events: E[]): Accepted<E> => ({ kind: 'Accepted', events });
export const notAllowedInState = (
  state: string,
  acceptedCommands: string[],
): NotAllowedInState => ({
  kind: 'NotAllowedInState',
  state,
  acceptedCommands,
});
export const rulesBroken = (violations: Violation[]): RulesBroken => ({
  kind: 'RulesBroken',
  violations,
});
