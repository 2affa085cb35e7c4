import {
  inaugurationApproved,
  pickOneOfThree,
  mendagriReport,
} from './pergub113.appointment.rules.js';
import { sekretariatComposition, tpkComposition } from './pergub113.committee.rules.js';
import type { Pergub113Rule } from './pergub113.rule-kit.js';
import {
  candidateEligibility,
  eligibleListPrepared,
  mappingOfCandidates,
  threeNamesPerVacancy,
  threeTimesCandidates,
  trackRecordSources,
  vacancyInventory,
} from './pergub113.selection.rules.js';
import { stageDone } from './pergub113.stage.rules.js';

export * from './pergub113.appointment.rules.js';
export * from './pergub113.committee.rules.js';
export * from './pergub113.selection.rules.js';
export * from './pergub113.stage.rules.js';
export type { Pergub113Rule, Pergub113RuleInput } from './pergub113.rule-kit.js';

/** Every rule of procedure B, one per id (docs/domain.md §4). */
export const PERGUB113_RULES: readonly Pergub113Rule[] = [
  tpkComposition,
  sekretariatComposition,
  vacancyInventory,
  eligibleListPrepared,
  candidateEligibility,
  threeTimesCandidates,
  mappingOfCandidates,
  trackRecordSources,
  threeNamesPerVacancy,
  pickOneOfThree,
  stageDone,
  inaugurationApproved,
  mendagriReport,
];
