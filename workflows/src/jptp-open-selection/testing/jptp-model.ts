import type { AnyMachineSnapshot } from 'xstate';
import type { JptpCommand } from '../jptp.commands.js';
import type { JptpContext } from '../jptp.context.js';
import type { JptpEvent } from '../jptp.events.js';
import { jptpOpenSelection as procedure } from '../jptp.procedure.js';
import { jptpCommand as c, wita } from './jptp-builders.js';
import {
  administrativeSelection,
  awaitingPpk,
  inauguration,
  ranking,
  scoring,
} from './jptp-model-selection.js';
import { planning, preparing, registration, registrationClosed } from './jptp-model-stages.js';

// A command menu for model-based and property tests: for any snapshot, the next steps a real
// selection would take (one at a time, so the explored space stays small) plus the detours
// (withdrawal, extension, suspension, cancellation). v1 draws 4 applicants and v2 only 3, so the
// extension and insufficient-applicants paths are part of the model.

const STAGE_MENUS: Record<string, (ctx: JptpContext) => JptpCommand[]> = {
  planning,
  preparing,
  registration,
  registrationClosed,
  administrativeSelection,
  competencyAssessment: (ctx) => scoring(ctx, 'competencyAssessment'),
  trackRecord: (ctx) => scoring(ctx, 'trackRecord'),
  interview: (ctx) => scoring(ctx, 'interview'),
  ranking,
  awaitingPpk,
  inauguration,
};

const STAGE_ENDINGS = new Set<string>([
  'CompleteStage',
  'PublishAnnouncement',
  'CloseRegistration',
  'ExtendRegistration',
  'PublishAdministrativeResult',
  'PublishFinalResult',
  'SubmitToPPK',
  'ReportToMendagri',
]);

/** The commands a selection in `snapshot` would plausibly receive next. */
export function jptpMenu(snapshot: AnyMachineSnapshot): JptpCommand[] {
  const state = procedure.stateOf(snapshot);
  const ctx = procedure.contextOf(snapshot);
  const at = wita('2024-07-20');
  if (state === 'unopened')
    return [
      c('OpenSelection', { selectionId: 'model', title: 'Seleksi model' }, wita('2024-04-01')),
    ];
  if (state === 'suspended') {
    return [
      c('ResumeSelection', { reason: 'dilanjutkan' }, at, 'PPK'),
      c('CancelSelection', { reason: 'dibatalkan' }, at, 'PPK'),
      ...(ctx.ppkStatuses.length < 2
        ? [c('RecordPpkStatus', { status: 'GUBERNUR', since: '2025-02-20' }, at)]
        : []),
      c('SetPlannedSchedule', { dates: { ranking: '2024-07-03' } }, at),
    ];
  }
  const menu = STAGE_MENUS[state];
  if (!menu) return [];
  const main = menu(ctx);
  // Detours once per stage (where it is about to end), so the explored space stays small.
  const detours = main.some((command) => STAGE_ENDINGS.has(command.type))
    ? [
        c('SuspendSelection', { reason: 'dijeda' }, at, 'PPK'),
        c('CancelSelection', { reason: 'dibatalkan' }, at, 'PPK'),
      ]
    : [];
  return [...main, ...detours];
}

/** The events of the menu's accepted commands (the model's transitions). */
export const jptpModelEvents = (snapshot: AnyMachineSnapshot): JptpEvent[] =>
  jptpMenu(snapshot).flatMap((command) => {
    const decision = procedure.decide(command, snapshot);
    return decision.kind === 'Accepted' ? decision.events : [];
  });

/** A key that tells apart snapshots the menu treats differently (stage, history and progress). */
export function jptpModelKey(snapshot: AnyMachineSnapshot): string {
  const ctx = procedure.contextOf(snapshot);
  return JSON.stringify([
    snapshot.value,
    // What the history state remembers matters only while suspended (it decides the resume).
    snapshot.value === 'suspended' ? ctx.stage : null,
    ctx.vacancies.map((v) => [v.subStatus, v.extensions, v.decree !== null, v.reportedToMendagri]),
    ctx.applications.map((a) =>
      [
        a.withdrawn,
        a.verification?.result,
        a.assessment,
        a.technical,
        a.trackRecord,
        a.interview,
      ].map((x) => (x ? 1 : 0)),
    ),
    [
      ctx.basis !== null,
      ctx.config.weights.assessment,
      ctx.ppkStatuses.length,
      Object.keys(ctx.stages).length,
    ],
    [
      ctx.mendagriApprovals.length,
      ctx.supervisoryRecommendations.length,
      ctx.pansel !== null,
      ctx.submittedToPpk,
    ],
  ]);
}
