import { jptpOpenSelection } from './jptp-open-selection/index.js';

/** Every procedure jejak runs, by kind: the API, the worker and the CLI look them up here. */
export const procedures = {
  'jptp-open-selection': jptpOpenSelection,
} as const;

export type ProcedureKind = keyof typeof procedures;

export const PROCEDURE_KINDS = Object.keys(procedures) as ProcedureKind[];
