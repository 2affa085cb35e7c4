import type { AnyMachineSnapshot, AnyStateNode } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import type { JptpEvent } from './jptp.events.js';
import { jptpMachine } from './jptp.machine.js';
import { jptpStateOf } from './jptp.procedure.js';
import { jptpModelEvents, jptpModelKey } from './testing/jptp-model.js';

// Model-based: xstate/graph explores the machine with the events a real selection would see
// (testing/jptp-model.ts) and must reach every state and take every transition of the machine.

const options = {
  events: (snapshot: AnyMachineSnapshot) => jptpModelEvents(snapshot),
  serializeState: (snapshot: AnyMachineSnapshot) => jptpModelKey(snapshot),
};

const ALL_STATES = [
  'unopened',
  'planning',
  'preparing',
  'registration',
  'registrationClosed',
  'administrativeSelection',
  'competencyAssessment',
  'trackRecord',
  'interview',
  'ranking',
  'awaitingPpk',
  'inauguration',
  'suspended',
  'completed',
  'cancelled',
];

/** Every transition the machine defines, as `<state node id> <event type | always>`. */
function definedTransitions(node: AnyStateNode): string[] {
  const own = [...node.transitions.keys()].map((type) => `${node.id} ${type}`);
  const always = node.always?.length ? [`${node.id} always`] : [];
  return [...own, ...always, ...Object.values(node.states).flatMap(definedTransitions)];
}

describe('jptp machine, model-based (xstate/graph)', () => {
  // Explored inside the tests that use it, not when the describe is collected: Stryker's per-test
  // coverage (docs/mutation-testing.md) then runs only the tests that reach a mutant.
  const transitions = () =>
    Object.values(getAdjacencyMap(jptpMachine, options)).flatMap((entry) =>
      Object.values<{ event: JptpEvent; state: AnyMachineSnapshot }>(entry.transitions).map(
        (t) => ({ from: entry.state, event: t.event, to: t.state }),
      ),
    );

  it('reaches every state by a shortest path', () => {
    const reached = new Set(
      getShortestPaths(jptpMachine, options).map((path) => jptpStateOf(path.state)),
    );
    expect(ALL_STATES.filter((state) => !reached.has(state))).toEqual([]);
    expect([...reached].sort()).toEqual([...ALL_STATES].sort());
  });

  it('takes every transition the machine defines', () => {
    const taken = new Set(
      transitions().flatMap(({ from, event, to }) => {
        const fired = jptpMachine
          .getTransitionData(from as never, event)
          .map((t) => `${t.source.id} ${event.type}`);
        const before = jptpStateOf(from);
        const after = jptpStateOf(to);
        const eventless = [
          ...(after === 'completed' && event.type !== 'SelectionCancelled'
            ? ['jptp.active always']
            : []),
          ...(before === 'awaitingPpk' && after === 'inauguration'
            ? ['jptp.active.awaitingPpk always']
            : []),
        ];
        return [...fired, ...eventless];
      }),
    );
    const defined = definedTransitions(jptpMachine.root);
    expect(defined.filter((t) => !taken.has(t))).toEqual([]);
    expect(defined.length).toBeGreaterThan(40);
  });

  it('resumes a suspension in the stage it interrupted, in every stage', () => {
    const resumes = transitions().filter(({ event }) => event.type === 'SelectionResumed');
    const stages = new Set(resumes.map(({ to }) => jptpStateOf(to)));
    expect(stages.size).toBe(11);
    for (const { from, to } of resumes) {
      expect(jptpStateOf(to)).toBe((from.context as { stage: string }).stage);
    }
  });
});
