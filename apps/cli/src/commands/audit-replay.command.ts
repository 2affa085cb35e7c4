import { formatWita, replayAt, type ReplayPoint, type ReplayedState } from '@jejak/audit';
import type { AuditCliContext } from './audit-context.js';
import { AuditUsageError, parseAuditArgs, required, withStore } from './audit-args.js';

export const AUDIT_REPLAY_USAGE =
  'audit replay --selection ID (--at TIME | --known-at TIME | --at TIME --known-at TIME | --revision N) [--json]\n' +
  '  --at: what was legally true then (the acts by their own dates);\n' +
  '  --known-at: what the record said then (the acts recorded by then).\n' +
  '  TIME: 2024-05-20T10:00+08:00, or local WITA 2024-05-20T10:00, or a date (its end, WITA).';

function pointOf(
  at: string | undefined,
  knownAt: string | undefined,
  revision: string | undefined,
): ReplayPoint {
  const byTime = at !== undefined || knownAt !== undefined;
  if (byTime === (revision !== undefined))
    throw new AuditUsageError(
      'give exactly one of --at (with or without --known-at), --known-at and --revision',
    );
  if (at !== undefined) return knownAt === undefined ? { at } : { at, knownAt };
  if (knownAt !== undefined) return { knownAt };
  if (!/^\d+$/.test(revision!)) throw new AuditUsageError('--revision must be a whole number');
  return { revision: Number(revision) };
}

function describe(state: ReplayedState): string {
  const times = [
    ...(state.at === undefined ? [] : [`at ${formatWita(state.at)}`]),
    ...(state.knownAt === undefined ? [] : [`as known at ${formatWita(state.knownAt)}`]),
  ];
  const when = times.length === 0 ? `at revision ${state.revision}` : times.join(', ');
  const upTo =
    state.revision === null
      ? 'before its first event'
      : `revision ${state.revision} of ${state.headRevision}`;
  const lines = [
    `${state.summary.title || state.selectionId} (${state.kind})`,
    `State ${when} (${upTo}): ${state.state}`,
    ...state.summary.vacancies.map((v) => `  - ${v.title}: ${v.status}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `audit replay`: the state of a selection as it was at a moment. */
export async function auditReplayCommand(
  args: string[],
  context: AuditCliContext,
): Promise<number> {
  const { values } = parseAuditArgs(args, {
    selection: { type: 'string' },
    at: { type: 'string' },
    'known-at': { type: 'string' },
    revision: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const selection = required(values.selection, '--selection');
  const point = pointOf(values.at, values['known-at'], values.revision);
  const state = await withStore(context, (store) =>
    replayAt(store, context.procedures, selection, point),
  );
  context.out(values.json ? `${JSON.stringify(state, null, 2)}\n` : describe(state));
  return 0;
}
