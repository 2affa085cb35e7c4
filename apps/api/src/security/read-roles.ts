import type { Role } from '@jejak/workflows';

/**
 * Who may read what (a route's `@Roles(...)`; 403 naming the allowed roles otherwise). Personal
 * data (NIP, birth dates, health attestations, scores) is in the raw events, the historic states,
 * the timeline and the signed exports: only the roles that decide on candidates or audit them read
 * those. A role that issues commands (ASESOR, SEKDA) reads the selection it acts on (the detail,
 * whose fields the personal-data work narrows further); the scheduler (SYSTEM) reads nothing over
 * HTTP; the operator (ADMIN) reads only what is about the service: verification and reminders.
 */
const PEOPLE_WHO_DECIDE: readonly Role[] = ['SEKRETARIAT', 'PANSEL', 'TPK', 'PPK'];

export const READ_ROLES = {
  /** GET /selections, GET /selections/:id: every role that acts on selections, and AUDITOR. */
  selections: [...PEOPLE_WHO_DECIDE, 'ASESOR', 'SEKDA', 'AUDITOR'],
  /** Events, historic state, timeline, exports: personal data. */
  personalData: [...PEOPLE_WHO_DECIDE, 'AUDITOR'],
  /** GET /selections/:id/verify: the chain's soundness, no personal data. */
  verifySelection: [...PEOPLE_WHO_DECIDE, 'AUDITOR', 'ADMIN'],
  /** GET /audit/verify: every stream recomputed, expensive. */
  verifyAll: ['AUDITOR', 'ADMIN'],
  /** GET /selections/:id/reminders: what was sent to whom and whether it arrived. */
  reminders: [...PEOPLE_WHO_DECIDE, 'SEKDA', 'AUDITOR', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;
