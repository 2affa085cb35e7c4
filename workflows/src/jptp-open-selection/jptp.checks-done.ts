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

// A-DONE: a stage ends only when its work is done (DOMAIN.md §3, "Moving on").

/** The stages that end with CompleteStage, and the role that decides it. */
export const COMPLETABLE_STAGES: Partial<Record<JptpStage, Role>> = {
  planning: 'SEKRETARIAT',
  registrationClosed: 'PANSEL',
  competencyAssessment: 'PANSEL',
  trackRecord: 'PANSEL',
  interview: 'PANSEL',
};

const remaining = (context: JptpContext): JptpApplication[] =>
  context.vacancies
    .filter((v) => !isTerminal(v))
    .flatMap((v) => remainingApplicantsOf(context, v.vacancyId));

const missing = (apps: JptpApplication[], what: string, has: (a: JptpApplication) => boolean) =>
  apps.filter((a) => !has(a)).map((a) => `no ${what} for ${a.applicationId}`);

function stageWork(context: JptpContext, stage: JptpStage): string[] {
  switch (stage) {
    case 'planning':
      return [
        ...(context.vacancies.length === 0 ? ['no vacancy is registered'] : []),
        ...(context.basis === null ? ['the basis for an open selection is not recorded'] : []),
      ];
    case 'registrationClosed':
      return context.vacancies
        .filter((v) => !isTerminal(v) && v.subStatus !== 'active')
        .map((v) => `${v.vacancyId} has fewer applicants than the minimum and no decision`);
    case 'competencyAssessment':
      return [
        ...missing(remaining(context), 'assessment result', (a) => a.assessment !== null),
        ...missing(remaining(context), 'technical result', (a) => a.technical !== null),
      ];
    case 'trackRecord':
      return missing(remaining(context), 'track record', (a) => a.trackRecord !== null);
    case 'interview':
      return missing(remaining(context), 'interview result', (a) => a.interview !== null);
    default:
      return [];
  }
}

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
  // The machine accepts CompleteStage only in the completable stages, so `decider` is set there.
  const decider = COMPLETABLE_STAGES[stage];
  if (stage !== context.stage) return [`the current stage is ${context.stage}, not ${stage}`];
  return [
    ...(completedBy === decider ? [] : [`${stage} is completed by ${decider}, not ${completedBy}`]),
    ...stageWork(context, stage),
  ];
};
