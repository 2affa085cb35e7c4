import type { AnyStateMachine } from 'xstate';
import { replaying } from './core/replay.js';
import { constituted, doc, history } from './pergub-113-filling/pergub113.fixtures.js';
import { pergub113Filling } from './pergub-113-filling/pergub113.procedure.js';
import { procedures } from './procedures.js';

// Folding replays stored events without their rules (core/replay.ts); decide checks the rules
// once, itself, and asks the machine only for its other guards. Both rest on the machine's rule
// guard running exactly the rules of the command that yields the event.

type GuardRef = { type: string; params?: { rules?: readonly unknown[] } };
type Transition = { eventType: string; guard?: GuardRef | string };

/** Every transition of the machine on `eventType`, in every state. */
function transitionsOn(machine: AnyStateMachine, eventType: string): Transition[] {
  const found: Transition[] = [];
  const visit = (node: { transitions: Map<string, Transition[]>; states: object }) => {
    found.push(...(node.transitions.get(eventType) ?? []));
    for (const child of Object.values(node.states) as (typeof node)[]) visit(child);
  };
  visit(machine.root as never);
  return found;
}

describe('replay: folding does not re-judge stored events', () => {
  it.each(Object.values(procedures).map((p) => [p.kind, p] as const))(
    '%s: every transition on a command event guards exactly that command’s rules',
    (_, procedure) => {
      for (const [type, spec] of Object.entries(procedure.commands) as [
        string,
        { event: string; rules: readonly unknown[] },
      ][]) {
        const transitions = transitionsOn(procedure.machine, spec.event);
        expect({ type, transitions: transitions.length > 0 }).toEqual({ type, transitions: true });
        for (const t of transitions) {
          if (t.guard === undefined) continue;
          expect({ type, guard: t.guard }).toEqual({
            type,
            guard: { type: 'rulesHold', params: { rules: spec.rules } },
          });
        }
      }
    },
  );

  const d = '2025-06-02';
  const folded = () => pergub113Filling.fold(history(constituted().slice(0, 2)));
  const brokenTpk = {
    type: 'TPKFormed' as const,
    data: { decree: doc('T', d), members: [], occurredAt: `${d}T09:00:00+08:00` },
  };

  it('applies a stored event whose rules no longer hold, where a live check refuses it', () => {
    const snapshot = folded();
    expect(snapshot.can(brokenTpk)).toBe(false);
    expect(replaying(() => snapshot.can(brokenTpk))).toBe(true);
    const replayed = pergub113Filling.fold([brokenTpk], snapshot);
    expect(pergub113Filling.contextOf(replayed).tpk).toMatchObject({ members: [] });
    expect(pergub113Filling.persist(pergub113Filling.evolve(snapshot, brokenTpk))).toEqual(
      pergub113Filling.persist(replayed),
    );
  });

  it('checks the rules again once the fold is over, also on the snapshots it made', () => {
    const snapshot = pergub113Filling.fold([brokenTpk], folded());
    expect(snapshot.can(brokenTpk)).toBe(false);
  });

  it('ends the replay when the fold throws', () => {
    expect(() =>
      replaying(() => {
        throw new Error('broken fold');
      }),
    ).toThrow('broken fold');
    expect(folded().can(brokenTpk)).toBe(false);
  });
});
