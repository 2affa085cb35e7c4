import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { Pergub113Command } from './pergub113.commands.js';
import { PERGUB113_COMMANDS } from './pergub113.decide.js';
import type { Pergub113Event } from './pergub113.events.js';
import { cancelLast, progress, sideCommands } from './pergub113.walk.fixtures.js';
import { pergub113Machine } from './pergub113.machine.js';
import { pergub113Filling } from './pergub113.procedure.js';
import type { PergubContext } from './pergub113.types.js';

// Model-based: the machine's own graph, walked with xstate/graph. Events come from commands (as
// the decider builds them), chosen per state to make progress, plus the side commands of every
// stage; a snapshot is identified by its state and the progress in its context.

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
  // Explored inside the tests that use them, not when the describe is collected: Stryker's
  // per-test coverage (docs/mutation-testing.md) then runs only the tests that reach a mutant.
  const shortestPaths = () => getShortestPaths(pergub113Machine, options);

  it('reaches every state of the machine by a shortest path', () => {
    const reached = new Set(shortestPaths().map((path) => pergub113Filling.stateOf(path.state)));
    expect(STATES.filter((state) => !reached.has(state))).toEqual([]);
  });

  it('replays the shortest path to each state through the decider, every step accepted', () => {
    const paths = shortestPaths();
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
    const adjacency = Object.values(getAdjacencyMap(pergub113Machine, options));
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
    expect(defined).toHaveLength(56); // 47 evented + 9 eventless, per docs/domain.md §4
    expect(defined.filter((transition) => !fired.has(transition))).toEqual([]);
  });
});
