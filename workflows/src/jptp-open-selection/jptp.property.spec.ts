import fc from 'fast-check';
import type { AnyMachineSnapshot } from 'xstate';
import type { JptpCommand } from './jptp.commands.js';
import { jptpOpenSelection as procedure } from './jptp.procedure.js';
import { wita } from './testing/jptp-builders.js';
import { jptpMenu } from './testing/jptp-model.js';
import { sampleCommands } from './testing/jptp-samples.js';

// Over random command sequences (mostly the next plausible steps, sometimes any command at any
// time), the decider and the machine never disagree: Accepted <=> snapshot.can(event).

const NOWS = ['2024-04-02', '2024-05-20', '2024-05-29', '2024-06-24', '2024-07-12', '2025-05-19'];
const SAMPLES = NOWS.map((date) => Object.values(sampleCommands(wita(date))));

type Agreement = { type: string; decision: string; can: boolean };

function agreement(command: JptpCommand, snapshot: AnyMachineSnapshot): Agreement {
  const decision = procedure.decide(command, snapshot);
  const spec = procedure.commands[command.type];
  const event = spec.toEvent(command as never, procedure.contextOf(snapshot));
  return { type: command.type, decision: decision.kind, can: snapshot.can(event) };
}

const step = fc.tuple(fc.nat(9), fc.nat(1000), fc.nat(NOWS.length - 1));

describe('jptp decider and machine agree (fast-check)', () => {
  it('never disagree on snapshot.can(event) over random command sequences', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 250 }), (steps) => {
        let snapshot = procedure.initialState();
        for (const [kind, pick, when] of steps) {
          // Mostly the next step, sometimes a detour, sometimes any command at any time.
          const menu = jptpMenu(snapshot);
          const pool = kind < 7 ? menu.slice(0, 1) : kind < 8 ? menu : [];
          const from = pool.length > 0 ? pool : (SAMPLES[when] ?? []);
          const command = from[pick % from.length]!;
          const seen = agreement(command, snapshot);
          expect(seen.can).toBe(seen.decision === 'Accepted');
          const decision = procedure.decide(command, snapshot);
          if (decision.kind === 'Accepted') snapshot = procedure.fold(decision.events, snapshot);
        }
      }),
      { numRuns: 40, seed: 20240515 },
    );
  });

  it('reaches the end of a selection along the menu alone', () => {
    let snapshot = procedure.initialState();
    for (let i = 0; i < 200 && procedure.stateOf(snapshot) !== 'completed'; i += 1) {
      const decision = procedure.decide(jptpMenu(snapshot)[0]!, snapshot);
      if (decision.kind !== 'Accepted') throw new Error(JSON.stringify(decision));
      snapshot = procedure.fold(decision.events, snapshot);
    }
    expect(procedure.stateOf(snapshot)).toBe('completed');
  });
});
