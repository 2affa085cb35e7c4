export * from './pergub113.types.js';
export * from './pergub113.commands.js';
export {
  PERGUB113_EVENT_TYPES,
  type Pergub113Event,
  type Pergub113EventType,
} from './pergub113.events.js';
export {
  ELIGIBILITY,
  blockingResults,
  evaluateEligibility,
  pasal3a,
  pasal3b,
  pasal3c,
  pasal3d,
  pasal3e,
  pasal3f,
  pasal3g,
  pasal3h,
  pasal4a,
  pasal4b,
  pasal4c,
  pasal4d,
  pasal4e,
  pasal4f,
  pasal4g,
  pasal4h,
  type EligibilityCheck,
  type EligibilityInput,
  type LetterResult,
} from './pergub113.eligibility.js';
export {
  DUK_CITATION,
  DUK_CRITERIA,
  LEADERSHIP_TRAININGS,
  compareDuk,
  orderByDuk,
} from './pergub113.duk.js';
export * from './pergub113.rules.js';
export { PERGUB113_STAGE_COMPLETERS } from './pergub113.context.js';
export { PERGUB113_COMMANDS, PERGUB113_COMMAND_RULES } from './pergub113.decide.js';
export { pergub113Machine } from './pergub113.machine.js';
export { PERGUB113_STAGE_RECIPIENTS, pergub113Deadlines } from './pergub113.deadlines.js';
export { summarizePergub113 } from './pergub113.views.js';
export { pergub113Filling } from './pergub113.procedure.js';
