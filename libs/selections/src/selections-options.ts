import type { MembershipCheck } from './authorize-command.js';
import type { Clock, IdGenerator } from './handle-command.js';
import type { ProcedureRegistry } from './procedure-registry.js';

export type SelectionsOptions = {
  /** The procedures by kind (default: every procedure of @jejak/workflows). */
  procedures?: ProcedureRegistry;
  /** `MEMBERSHIP_CHECK`: `strict` requires PANSEL/TPK actors to be recorded members. */
  membershipCheck?: MembershipCheck;
  /** Run the read-model subscription in this process (default true; false when a worker does). */
  runProjections?: boolean;
  clock?: Clock;
  ids?: IdGenerator;
};
