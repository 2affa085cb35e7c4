export * from './jptp.commands.js';
export * from './jptp.events.js';
export {
  DEFAULT_JPTP_CONFIG,
  JPTP_LIMITS,
  finalScore,
  stillInSelection,
  type JptpApplication,
  type JptpConfig,
  type JptpContext,
  type JptpVacancyState,
  type JptpVacancySubStatus,
} from './jptp.context.js';
export { ELIGIBILITY_REQUIREMENTS, ageOn, eligibilityOf } from './jptp.eligibility.js';
export * from './jptp.rules.js';
export { JPTP_ROLES } from './jptp.roles.js';
export { JPTP_COMMANDS } from './jptp.decide.js';
export { jptpMachine } from './jptp.machine.js';
export { JPTP_STAGE_RECIPIENTS, jptpDeadlines } from './jptp.deadlines.js';
export { summarizeJptp } from './jptp.summary.js';
export { JPTP_KIND, jptpOpenSelection, jptpStateOf } from './jptp.procedure.js';
