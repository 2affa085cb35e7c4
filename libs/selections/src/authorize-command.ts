import type { RecordedEvent } from '@jejak/event-store';
import type { Actor, Role } from '@jejak/workflows';
import { commandSpecOf, type AnyProcedure } from './procedure-registry.js';
import { ForbiddenRoleError } from './selections.errors.js';

export type MembershipCheck = 'off' | 'strict';

/** Roles that never issue a workflow command, whatever a role table says (docs/domain.md §1). */
const NEVER_WRITE: readonly Role[] = ['AUDITOR', 'ADMIN'];

/**
 * The events that make a person a committee member (docs/domain.md §1: `FormPansel`, `FormTPK`). With
 * `MEMBERSHIP_CHECK=strict` a PANSEL or TPK actor must have their NIP in one of them.
 */
export const COMMITTEE_EVENTS: Partial<Record<Role, readonly string[]>> = {
  PANSEL: ['PanselFormed'],
  TPK: ['TPKFormed'],
};

function nipsIn(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => nipsIn(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      if (key === 'nip' && typeof member === 'string') found.add(member);
      else nipsIn(member, found);
    }
  }
  return found;
}

/** NIPs recorded as members of the role's committee in this stream. */
export function committeeMembers(events: readonly RecordedEvent[], role: Role): Set<string> {
  const types = COMMITTEE_EVENTS[role] ?? [];
  const formed = events.filter((event) => types.includes(event.type));
  return formed.reduce((found, event) => nipsIn(event.data, found), new Set<string>());
}

/**
 * Throws FORBIDDEN_ROLE unless the actor's role is in the command's role table
 * (`procedure.commands[type].roles`). A command the procedure does not have passes here: the
 * decision reports it as not accepted in the state.
 */
export function authorizeCommand(
  procedure: AnyProcedure,
  type: string,
  actor: Actor,
  events: readonly RecordedEvent[],
  membershipCheck: MembershipCheck = 'off',
): void {
  const spec = commandSpecOf(procedure, type);
  const allowed = (spec?.roles ?? []).filter((role) => !NEVER_WRITE.includes(role));
  if (NEVER_WRITE.includes(actor.role) || (spec && !allowed.includes(actor.role))) {
    throw new ForbiddenRoleError(type, actor.role, allowed);
  }
  if (membershipCheck !== 'strict' || COMMITTEE_EVENTS[actor.role] === undefined) return;
  if (!actor.nip || !committeeMembers(events, actor.role).has(actor.nip)) {
    throw new ForbiddenRoleError(
      type,
      actor.role,
      allowed,
      `${actor.name} is not a recorded ${actor.role} member of this selection (MEMBERSHIP_CHECK=strict)`,
    );
  }
}
