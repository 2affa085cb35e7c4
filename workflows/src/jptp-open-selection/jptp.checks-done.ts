import { ruleMessage, type RuleMessage } from '../core/messages.js';
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

type Work = 'assessment' | 'technical' | 'trackRecord' | 'interview';

const missing = (apps: JptpApplication[], what: Work, has: (a: JptpApplication) => boolean) =>
  apps
    .filter((a) => !has(a))
    .map((a) => ruleMessage(`A-DONE.${what}Missing`, { application: a.applicationId }));

/** What must be recorded before each completable stage ends. */
const STAGE_WORK: Record<keyof typeof COMPLETABLE_STAGES, (context: JptpContext) => RuleMessage[]> = {
  planning: (context) => [
    ...(context.vacancies.length === 0 ? [ruleMessage('A-DONE.noVacancy')] : []),
    ...(context.basis === null ? [ruleMessage('A-DONE.noBasis')] : []),
  ],
  registrationClosed: (context) =>
    context.vacancies
      .filter((v) => !isTerminal(v) && v.subStatus !== 'active')
      .map((v) => ruleMessage('A-DONE.belowMinimumUndecided', { post: v.vacancyId })),
  competencyAssessment: (context) => [
    ...missing(remaining(context), 'assessment', (a) => a.assessment !== null),
    ...missing(remaining(context), 'technical', (a) => a.technical !== null),
  ],
  trackRecord: (context) =>
    missing(remaining(context), 'trackRecord', (a) => a.trackRecord !== null),
  interview: (context) =>
    missing(remaining(context), 'interview', (a) => a.interview !== null),
};

export const checkStageWork = ({ context, event }: JptpRuleInput): RuleMessage[] => {
  if (event.type === 'AdministrativeResultPublished') {
    return context.vacancies
      .filter((v) => !isTerminal(v))
      .flatMap((v) => applicantsOf(context, v.vacancyId))
      .filter((a) => a.verification === null)
      .map((a) => ruleMessage('A-DONE.verificationMissing', { application: a.applicationId }));
  }
  if (event.type === 'FinalResultPublished') {
    return context.vacancies
      .filter((v) => !isTerminal(v) && v.subStatus !== 'shortlisted')
      .map((v) => ruleMessage('A-DONE.namesMissing', { post: v.vacancyId }));
  }
  if (event.type !== 'StageCompleted') return [];
  const { stage, completedBy } = event.data;
  // The machine accepts CompleteStage only in the completable stages.
  if (stage !== context.stage || !isCompletable(stage)) {
    return [ruleMessage('A-DONE.otherStage', { current: context.stage ?? '-', stage })];
  }
  const decider = COMPLETABLE_STAGES[stage];
  return [
    ...(completedBy === decider
      ? []
      : [ruleMessage('A-DONE.wrongDecider', { stage, decider, completedBy })]),
    ...STAGE_WORK[stage](context),
  ];
};
