import { jptpOpenSelection } from './jptp-open-selection/index.js';
import { pergub113Filling } from './pergub-113-filling/index.js';

/** Every procedure jejak runs, by kind: the API, the worker and the CLI look them up here. */
export const procedures = {
  'jptp-open-selection': jptpOpenSelection,
  'pergub-113-filling': pergub113Filling,
} as const;

export type ProcedureKind = keyof typeof procedures;

export const PROCEDURE_KINDS = Object.keys(procedures) as ProcedureKind[];
