import type { Role } from '../core/types.js';
import {
  applicantsOf,
  isTerminal,
  remainingApplicantsOf,
  type JptpApplication,
  type JptpContext,
} from './jptp.context.js';
import type { JptpStage } from './jptp.events.js';
import type { JptpRuleInput } from './jptp.rule-support.js';

// A-DONE: a stage ends only when its work is done (docs/domain.md §3, "Moving on").

/** The stages that end with CompleteStage, and the role that decides it. */
export const COMPLETABLE_STAGES = {
  planning: 'SEKRETARIAT',
  registrationClosed: 'PANSEL',
  competencyAssessment: 'PANSEL',
  trackRecord: 'PANSEL',
  interview: 'PANSEL',
} as const satisfies Partial<Record<JptpStage, Role>>;

const isCompletable = (stage: JptpStage): stage is keyof typeof COMPLETABLE_STAGES =>
  stage in COMPLETABLE_STAGES;

const remaining = (context: JptpContext): JptpApplication[] =>
  context.vacancies
    .filter((v) => !isTerminal(v))
    .flatMap((v) => remainingApplicantsOf(context, v.vacancyId));

const missing = (apps: JptpApplication[], what: string, has: (a: JptpApplication) => boolean) =>
  apps.filter((a) => !has(a)).map((a) => `no ${what} for ${a.applicationId}`);

/** What must be recorded before each completable stage ends. */
const STAGE_WORK: Record<keyof typeof COMPLETABLE_STAGES, (context: JptpContext) => string[]> = {
  planning: (context) => [
    ...(context.vacancies.length === 0 ? ['no vacancy is registered'] : []),
    ...(context.basis === null ? ['the basis for an open selection is not recorded'] : []),
  ],
  registrationClosed: (context) =>
    context.vacancies
      .filter((v) => !isTerminal(v) && v.subStatus !== 'active')
      .map((v) => `${v.vacancyId} has fewer applicants than the minimum and no decision`),
  competencyAssessment: (context) => [
    ...missing(remaining(context), 'assessment result', (a) => a.assessment !== null),
    ...missing(remaining(context), 'technical result', (a) => a.technical !== null),
  ],
  trackRecord: (context) =>
    missing(remaining(context), 'track record', (a) => a.trackRecord !== null),
  interview: (context) =>
    missing(remaining(context), 'interview result', (a) => a.interview !== null),
};

export const checkStageWork = ({ context, event }: JptpRuleInput): string[] => {
  if (event.type === 'AdministrativeResultPublished') {
    return context.vacancies
      .filter((v) => !isTerminal(v))
      .flatMap((v) => applicantsOf(context, v.vacancyId))
      .filter((a) => a.verification === null)
      .map((a) => `the Pansel has not decided MS/TMS for ${a.applicationId}`);
  }
  if (event.type === 'FinalResultPublished') {
    return context.vacancies
      .filter((v) => !isTerminal(v) && v.subStatus !== 'shortlisted')
      .map((v) => `no names are proposed for ${v.vacancyId}`);
  }
  if (event.type !== 'StageCompleted') return [];
  const { stage, completedBy } = event.data;
  // The machine accepts CompleteStage only in the completable stages.
  if (stage !== context.stage || !isCompletable(stage)) {
    return [`the current stage is ${context.stage}, not ${stage}`];
  }
  const decider = COMPLETABLE_STAGES[stage];
  return [
    ...(completedBy === decider ? [] : [`${stage} is completed by ${decider}, not ${completedBy}`]),
    ...STAGE_WORK[stage](context),
  ];
};
