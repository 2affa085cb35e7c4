import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { Pergub113Command } from './pergub113.commands.js';
import { PERGUB113_COMMANDS } from './pergub113.decide.js';
import type { Pergub113Event } from './pergub113.events.js';
import {
  ADMINISTRATOR_POST,
  administratorPool,
  cmd,
  doc,
  PENGAWAS_POST,
  pengawasPool,
  sekretariatMembers,
  tpkMembers,
  track,
} from './pergub113.fixtures.js';
import { pergub113Machine } from './pergub113.machine.js';
import { pergub113Filling } from './pergub113.procedure.js';
import type { PergubContext } from './pergub113.types.js';

// Model-based: the machine's own graph, walked with xstate/graph. Events come from commands (as
// the decider builds them), chosen per state to make progress, plus the side commands of every
// stage; a snapshot is identified by its state and the progress in its context.

const D = '2025-05-19';
const POOLS: Record<string, () => ReturnType<typeof administratorPool>> = {
  V1: administratorPool,
  V2: pengawasPool,
};
const sideCommands: Pergub113Command[] = [
  cmd('RecordPpkStatus', { status: 'GUBERNUR', since: '2025-02-20' }, 'SEKRETARIAT', D),
  cmd('SetPlannedSchedule', { dates: { inauguration: '2025-06-02' } }, 'SEKRETARIAT', D),
  cmd('CancelFilling', { reason: 'dibatalkan' }, 'PPK', D),
];

const active = (c: PergubContext) => c.vacancies.filter((v) => v.subStatus !== 'cancelled');
const cancelLast = (c: PergubContext): Pergub113Command[] => {
  const v = [...c.vacancies]
    .reverse()
    .find((x) => x.subStatus !== 'cancelled' && x.subStatus !== 'filled');
  return v
    ? [cmd('CancelVacancy', { vacancyId: v.vacancyId, reason: 'ditiadakan' }, 'PPK', D)]
    : [];
};
const first = <T>(items: T[]) => items.slice(0, 1);

function progress(state: string, c: PergubContext): Pergub113Command[] {
  const nips = [...new Set(active(c).flatMap((v) => v.candidates))];
  switch (state) {
    case 'unopened':
      return [cmd('OpenSelection', { selectionId: 'm', title: 'model' }, 'SEKRETARIAT', D)];
    case 'constitutingTpk':
      return [
        cmd('FormTPK', { decree: doc('T', D), members: tpkMembers() }, 'PPK', D),
        cmd(
          'FormSekretariatTPK',
          { decree: doc('S', D), members: sekretariatMembers() },
          'SEKDA',
          D,
        ),
        cmd('CompleteStage', { stage: 'constitutingTpk' }, 'PPK', D),
      ];
    case 'inventory':
      return [
        ...first(
          [ADMINISTRATOR_POST, PENGAWAS_POST].filter(
            (p) => !c.vacancies.some((v) => v.vacancyId === p.vacancyId),
          ),
        ).map((p) => cmd('RecordVacancy', p, 'SEKRETARIAT', D)),
        cmd('SubmitInventoryToTPK', {}, 'SEKRETARIAT', D),
      ];
    case 'administrativeSelection':
      return [
        ...first(active(c).filter((v) => v.subStatus === 'open')).map((v) =>
          cmd(
            'PrepareEligibleList',
            { vacancyId: v.vacancyId, profiles: POOLS[v.vacancyId]!() },
            'SEKRETARIAT',
            D,
          ),
        ),
        cmd(
          'SetCandidates',
          {
            candidates: active(c).map((v) => ({
              vacancyId: v.vacancyId,
              nips: v.eligibleList.map((e) => e.nip),
            })),
          },
          'TPK',
          D,
        ),
      ];
    case 'mapping':
      return [
        ...first(nips.filter((n) => !c.mapping[n])).map((n) =>
          cmd('RecordMappingResult', { nip: n, jpm: 75, category: 'MS' }, 'ASESOR', D),
        ),
        cmd('CompleteStage', { stage: 'mapping' }, 'TPK', D),
      ];
    case 'trackRecord':
      return [
        ...first(nips.filter((n) => !c.trackRecords[n])).map((n) =>
          cmd('RecordTrackRecord', { nip: n, sources: track() }, 'TPK', D),
        ),
        cmd('CompleteStage', { stage: 'trackRecord' }, 'TPK', D),
      ];
    case 'reportedToPpk':
      return [
        cmd(
          'ReportToPPK',
          {
            report: doc('L', D),
            shortlists: active(c).map((v) => ({
              vacancyId: v.vacancyId,
              nips: v.candidates.slice(0, 3),
            })),
          },
          'TPK',
          D,
        ),
      ];
    case 'ppkChoice':
      return first(active(c).filter((v) => v.subStatus === 'shortlisted')).map((v) =>
        cmd('ChooseCandidate', { vacancyId: v.vacancyId, nip: v.shortlist[0]! }, 'PPK', D),
      );
    case 'inauguration': {
      const reportable = c.vacancies.filter(
        (v) => v.inauguration?.approvalRequired && !v.reportedToMendagri,
      );
      return [
        ...(c.mendagriApprovals.length === 0
          ? [
              cmd(
                'RecordMendagriApproval',
                { document: doc('M', '2025-05-14', 'Mendagri') },
                'SEKRETARIAT',
                D,
              ),
            ]
          : []),
        ...first(active(c).filter((v) => v.subStatus === 'chosen')).map((v) =>
          cmd(
            'IssueAppointmentDecree',
            { vacancyId: v.vacancyId, decree: doc('K', '2025-05-16') },
            'PPK',
            D,
          ),
        ),
        ...first(active(c).filter((v) => v.subStatus === 'decreed')).map((v) =>
          cmd('RecordInauguration', { vacancyId: v.vacancyId, date: D, oathTaken: true }, 'PPK', D),
        ),
        ...(reportable.length > 0
          ? [
              cmd(
                'ReportToMendagri',
                { document: doc('R', D), vacancyIds: reportable.map((v) => v.vacancyId) },
                'SEKRETARIAT',
                D,
              ),
            ]
          : []),
      ];
    }
    default:
      return [];
  }
}

const commandOf = new Map<Pergub113Event, Pergub113Command>();
function events(snapshot: AnyMachineSnapshot): Pergub113Event[] {
  const state = pergub113Filling.stateOf(snapshot);
  const context = pergub113Filling.contextOf(snapshot);
  const side =
    state === 'unopened' || snapshot.status === 'done'
      ? []
      : [...sideCommands, ...(state === 'constitutingTpk' ? [] : cancelLast(context))];
  return [...progress(state, context), ...side].map((command) => {
    const spec = PERGUB113_COMMANDS[command.type] as {
      toEvent: (c: Pergub113Command, x: PergubContext) => Pergub113Event;
    };
    const event = spec.toEvent(command, context);
    commandOf.set(event, command);
    return event;
  });
}

const serializeState = (snapshot: AnyMachineSnapshot) => {
  const c = pergub113Filling.contextOf(snapshot);
  return JSON.stringify([
    snapshot.value,
    Boolean(c.tpk),
    Boolean(c.sekretariat),
    c.vacancies.map((v) => [v.vacancyId, v.subStatus, Boolean(v.reportedToMendagri)]),
    Object.keys(c.mapping).length,
    Object.keys(c.trackRecords).length,
    c.mendagriApprovals.length,
  ]);
};
const options = { events, serializeState };
const STATES = Object.keys(pergub113Machine.root.states);

describe('pergub113 model (xstate/graph)', () => {
  const paths = getShortestPaths(pergub113Machine, options);
  const adjacency = Object.values(getAdjacencyMap(pergub113Machine, options));

  it('reaches every state of the machine by a shortest path', () => {
    const reached = new Set(paths.map((path) => pergub113Filling.stateOf(path.state)));
    expect(STATES.filter((state) => !reached.has(state))).toEqual([]);
  });

  it('replays the shortest path to each state through the decider, every step accepted', () => {
    const shortest = new Map<string, (typeof paths)[number]>();
    for (const path of paths) {
      const state = pergub113Filling.stateOf(path.state);
      if (!shortest.has(state) || shortest.get(state)!.steps.length > path.steps.length)
        shortest.set(state, path);
    }
    for (const [state, path] of shortest) {
      let snapshot = pergub113Filling.initialState();
      for (const step of path.steps.filter((s) => commandOf.has(s.event))) {
        const decision = pergub113Filling.decide(commandOf.get(step.event)!, snapshot);
        expect({ state, step: step.event.type, decision: decision.kind }).toEqual({
          state,
          step: step.event.type,
          decision: 'Accepted',
        });
        snapshot = pergub113Filling.fold(
          decision.kind === 'Accepted' ? decision.events : [],
          snapshot,
        );
      }
      expect(pergub113Filling.stateOf(snapshot)).toBe(state);
    }
  });

  it('exercises every transition of the machine, the eventless ones included', () => {
    const fired = new Set<string>();
    for (const { state, transitions } of adjacency) {
      const from = pergub113Filling.stateOf(state as AnyMachineSnapshot);
      const source = state as AnyMachineSnapshot;
      const edges = Object.values<{ event: Pergub113Event; state: AnyMachineSnapshot }>(
        transitions,
      );
      for (const { event, state: to } of edges) {
        if (!source.can(event)) continue;
        fired.add(`${from} ${event.type}`);
        const landed = pergub113Filling.stateOf(to);
        const own = pergub113Machine.root.states[from]!.transitions.get(event.type)?.[0]
          ?.target?.[0]?.key;
        if (landed !== from && landed !== own) fired.add(`${from} always ${landed}`);
      }
    }
    const defined = STATES.flatMap((from) => {
      const node = pergub113Machine.root.states[from]!;
      return [
        ...[...node.transitions.keys()].map((type) => `${from} ${type}`),
        ...(node.always ?? []).map((t) => `${from} always ${t.target![0]!.key}`),
      ];
    });
    expect(adjacency.length).toBeGreaterThan(100);
    expect(defined).toHaveLength(56); // 47 evented + 9 eventless, per DOMAIN.md §4
    expect(defined.filter((transition) => !fired.has(transition))).toEqual([]);
  });
});
