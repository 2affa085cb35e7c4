import { transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { persistSnapshot } from './core/decider.js';
import { fastStepper } from './core/fast-step.js';
import { replaying } from './core/replay.js';
import type { DomainEvent } from './core/types.js';
import { jptpOpenSelection } from './jptp-open-selection/jptp.procedure.js';
import { jptpCommand as c, wita } from './jptp-open-selection/testing/jptp-builders.js';
import { after } from './jptp-open-selection/testing/jptp-expect.js';
import { jptpScenario } from './jptp-open-selection/testing/jptp-scenario.js';
import { ntt2024Commands } from './jptp-open-selection/testing/ntt-2024.case.js';
import {
  cmd,
  completedRound,
  constituted,
  history,
} from './pergub-113-filling/pergub113.fixtures.js';
import { pergub113Filling } from './pergub-113-filling/pergub113.procedure.js';
import { acceptedEvents } from './testing/decider-specification.js';

// The fast fold (core/fast-step.ts) against plain XState: over the reference scenarios, the
// persisted snapshot (value, context, status, history memory) after every event is the same
// whether the event went through XState's `transition` or was applied directly.

type Procedure = {
  machine: AnyStateMachine;
  initialState(): AnyMachineSnapshot;
  fold(events: readonly DomainEvent[], from?: AnyMachineSnapshot): AnyMachineSnapshot;
};

/** Folds both ways, comparing after every event; how many events took the fast path. */
function compareFolds(procedure: Procedure, events: readonly DomainEvent[]) {
  const fastStep = fastStepper(procedure.machine);
  let plain = procedure.initialState();
  let fast = procedure.initialState();
  let direct = 0;
  events.forEach((event, index) => {
    plain = replaying(() => transition(procedure.machine, plain, event)[0]);
    const applied = replaying(() => fastStep(fast, event));
    if (applied) direct += 1;
    fast = applied ?? replaying(() => transition(procedure.machine, fast, event)[0]);
    // JSON text: one cheap comparison per event, exact for JSON-only snapshots
    const [p, f] = [plain, fast].map((s) => JSON.stringify(persistSnapshot(s)));
    if (f !== p) expect({ index, event, fast: f }).toEqual({ index, event, fast: p });
  });
  expect(persistSnapshot(procedure.fold(events))).toEqual(persistSnapshot(plain));
  return { direct, total: events.length, final: plain };
}

const scenario = jptpScenario();
const pause = c('SuspendSelection', { reason: 'fungsi KASN beralih' }, wita('2024-05-20'), 'PPK');
const resume = c('ResumeSelection', { reason: 'dilanjutkan' }, wita('2024-06-21'), 'PPK');
const cancelVacancy = (v: string) =>
  c('CancelVacancy', { vacancyId: v, reason: 'dihapus' }, wita('2024-06-01'), 'PPK');

describe('the fast fold equals plain XState after every event', () => {
  it('on the 2024 NTT reference selection (15 posts x 40 applicants), mostly directly', () => {
    const events = acceptedEvents(jptpOpenSelection, ntt2024Commands());
    const { direct, total, final } = compareFolds(jptpOpenSelection, events);
    expect(final.value).toBe('completed');
    expect(direct / total).toBeGreaterThan(0.9);
  });

  it('on a JPTP selection suspended and resumed (history state)', () => {
    const events = after(scenario.eventsTo('trackRecord'), pause, resume);
    const { final } = compareFolds(jptpOpenSelection, events);
    expect(final.value).toEqual({ active: 'trackRecord' });
    expect(final.historyValue).not.toEqual({});
  });

  it('on a JPTP selection that completes because its vacancies are cancelled (always)', () => {
    const events = after(
      scenario.eventsTo('administrativeSelection'),
      cancelVacancy('v1'),
      cancelVacancy('v2'),
    );
    expect(compareFolds(jptpOpenSelection, events).final.value).toBe('completed');
  });

  it('on the JPTP scenario up to its completion', () => {
    expect(compareFolds(jptpOpenSelection, scenario.eventsTo('completed')).final.value).toBe(
      'completed',
    );
  });

  it('on a Pergub 113 round from opening to completed', () => {
    const { direct, final } = compareFolds(pergub113Filling, history(completedRound()));
    expect(final.value).toBe('completed');
    expect(direct).toBeGreaterThan(0);
  });

  it('on a Pergub 113 round cancelled early', () => {
    const cancel = cmd('CancelFilling', { reason: 'restrukturisasi OPD' }, 'PPK', '2025-03-04');
    const events = history([...constituted().slice(0, 2), cancel]);
    expect(compareFolds(pergub113Filling, events).final.value).toBe('cancelled');
  });
});
