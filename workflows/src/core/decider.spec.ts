import fc from 'fast-check';
import { assign, setup, type AnyMachineSnapshot, type StateValue } from 'xstate';
import {
  machineProcedure,
  persistHistory,
  topLevelState,
  type CommandSpecs,
  type PersistedState,
  type RuleInput,
} from './decider.js';
import { checkRules, defineRule, type Rule } from './rule.js';
import type { Command, DomainEvent } from './types.js';

// The test subject: a small selection with nested stages (so that a suspension returns through a
// history state), rules on its commands, and one guard that is deliberately not a command rule.
type Ctx = { title: string; applicants: string[]; results: number };
type Ev =
  | DomainEvent<'SelectionOpened', { title: string }>
  | DomainEvent<'ApplicationSubmitted', { name: string }>
  | DomainEvent<'RegistrationClosed', Record<string, never>>
  | DomainEvent<'ResultPublished', Record<string, never>>
  | DomainEvent<'SelectionSuspended', { reason: string }>
  | DomainEvent<'SelectionResumed', Record<string, never>>;
type Cmd =
  | Command<'OpenSelection', { title: string }>
  | Command<'SubmitApplication', { name: string }>
  | Command<'CloseRegistration', Record<string, never>>
  | Command<'PublishResult', Record<string, never>>
  | Command<'SuspendSelection', { reason: string }>
  | Command<'ResumeSelection', Record<string, never>>;
type Input = RuleInput<Ctx, Ev>;

const named = defineRule<Input>({
  id: 'T-NAME',
  citation: 'Test Pasal 1',
  check: ({ event }) =>
    event.type === 'ApplicationSubmitted' && event.data.name.trim() === '' ? ['no name'] : [],
});
const once = defineRule<Input>({
  id: 'T-ONCE',
  citation: 'Test Pasal 2',
  check: ({ context, event }) =>
    event.type === 'ApplicationSubmitted' && context.applicants.includes(event.data.name)
      ? [`${event.data.name} already applied`]
      : [],
});
const hasApplicant = defineRule<Input>({
  id: 'T-MIN',
  citation: 'Test Pasal 3',
  check: ({ context }) => (context.applicants.length === 0 ? ['nobody applied'] : []),
});
const reasoned = defineRule<Input>({
  id: 'T-REASON',
  citation: 'Test Pasal 4',
  check: ({ event }) =>
    event.type === 'SelectionSuspended' && event.data.reason === '' ? ['no reason'] : [],
});

const rulesHold = ({ context, event }: Input, params: { rules: readonly Rule<Input>[] }) =>
  checkRules(params.rules, { context, event }).length === 0;

const machine = setup({
  types: { context: {} as Ctx, events: {} as Ev },
  guards: {
    rulesHold,
    // Not a command rule: lets the decider's last line of defence be tested.
    notTooMany: ({ context }) => context.results < 1,
  },
}).createMachine({
  id: 'mini',
  initial: 'unopened',
  context: { title: '', applicants: [], results: 0 },
  states: {
    unopened: {
      on: {
        SelectionOpened: {
          target: 'active',
          actions: assign({ title: ({ event }) => event.data.title }),
        },
      },
    },
    active: {
      initial: 'registration',
      on: {
        SelectionSuspended: {
          target: 'suspended',
          guard: { type: 'rulesHold', params: { rules: [reasoned] } },
        },
      },
      states: {
        registration: {
          on: {
            ApplicationSubmitted: {
              guard: { type: 'rulesHold', params: { rules: [named, once] } },
              actions: assign({
                applicants: ({ context, event }) => [...context.applicants, event.data.name],
              }),
            },
            RegistrationClosed: {
              target: 'closed',
              guard: { type: 'rulesHold', params: { rules: [hasApplicant] } },
            },
          },
        },
        closed: {
          on: {
            ResultPublished: {
              target: '#mini.completed',
              guard: 'notTooMany',
              actions: assign({ results: ({ context }) => context.results + 1 }),
            },
          },
        },
        hist: { type: 'history' },
      },
    },
    suspended: { on: { SelectionResumed: { target: 'active.hist' } } },
    completed: { type: 'final' },
  },
});

const toEvent =
  <T extends Ev['type']>(type: T) =>
  (command: Cmd): Ev =>
    ({ type, data: { ...command.data, occurredAt: command.metadata.now } }) as Ev;

const commands: CommandSpecs<Ctx, Cmd, Ev> = {
  OpenSelection: {
    roles: ['SEKRETARIAT'],
    event: 'SelectionOpened',
    rules: [],
    toEvent: toEvent('SelectionOpened'),
  },
  SubmitApplication: {
    roles: ['SEKRETARIAT'],
    event: 'ApplicationSubmitted',
    rules: [named, once],
    toEvent: toEvent('ApplicationSubmitted'),
  },
  CloseRegistration: {
    roles: ['SYSTEM', 'SEKRETARIAT'],
    event: 'RegistrationClosed',
    rules: [hasApplicant],
    toEvent: toEvent('RegistrationClosed'),
  },
  PublishResult: {
    roles: ['PANSEL'],
    event: 'ResultPublished',
    rules: [],
    toEvent: toEvent('ResultPublished'),
  },
  SuspendSelection: {
    roles: ['PPK'],
    event: 'SelectionSuspended',
    rules: [reasoned],
    toEvent: toEvent('SelectionSuspended'),
  },
  ResumeSelection: {
    roles: ['PPK'],
    event: 'SelectionResumed',
    rules: [],
    toEvent: toEvent('SelectionResumed'),
  },
};

const views = {
  summarize: (context: Ctx, state: string) => ({
    title: `${context.title} (${state})`,
    vacancies: [],
    stages: {},
  }),
  deadlines: (_context: Ctx, state: string) =>
    state === 'active'
      ? [
          {
            deadlineId: 'registration-end',
            kind: 'legal' as const,
            label: 'Batas akhir pendaftaran',
            dueAt: '2024-05-29T15:59:59.000Z',
            recipients: ['SEKRETARIAT' as const],
          },
        ]
      : [],
};

const mini = machineProcedure<Ctx, Cmd, Ev>({ kind: 'mini', machine, commands, views });

const now = '2024-05-15T09:00:00+08:00';
const cmd = <T extends Cmd['type']>(type: T, data: Extract<Cmd, { type: T }>['data']): Cmd =>
  ({ type, data, metadata: { now, actor: { sub: 't', name: 'T', role: 'PPK' } } }) as Cmd;
const open = cmd('OpenSelection', { title: 'JPTP 2024' });
const apply = (name: string) => cmd('SubmitApplication', { name });
const close = cmd('CloseRegistration', {});
const publish = cmd('PublishResult', {});
const suspend = (reason = 'KASN functions moved') => cmd('SuspendSelection', { reason });
const resume = cmd('ResumeSelection', {});

/** Decides and applies a run of commands; every one must be accepted. */
function run(commands: Cmd[], from: AnyMachineSnapshot = mini.initialState()) {
  return commands.reduce(
    (acc, command) => {
      const decision = mini.decide(command, acc.snapshot);
      if (decision.kind !== 'Accepted') throw new Error(`${command.type}: ${decision.kind}`);
      return {
        snapshot: mini.fold(decision.events, acc.snapshot),
        events: [...acc.events, ...decision.events],
      };
    },
    { snapshot: from, events: [] as Ev[] },
  );
}

describe('machineProcedure', () => {
  it('starts in the initial state with the initial context', () => {
    const initial = mini.initialState();
    expect(mini.kind).toBe('mini');
    expect(mini.machine).toBe(machine);
    expect(mini.commands).toBe(commands);
    expect(mini.stateOf(initial)).toBe('unopened');
    expect(mini.contextOf(initial)).toEqual({ title: '', applicants: [], results: 0 });
    expect(mini.acceptedCommands(initial)).toEqual(['OpenSelection']);
  });

  describe('topLevelState', () => {
    it('names the top-level state of simple and nested values', () => {
      expect(topLevelState('unopened')).toBe('unopened');
      expect(topLevelState({ active: 'registration' })).toBe('active');
      expect(topLevelState({})).toBe('');
    });
  });

  describe('decide, in order: state, then rules, then accepted', () => {
    it('answers NotAllowedInState before looking at the rules', () => {
      expect(mini.decide(apply(''), mini.initialState())).toEqual({
        kind: 'NotAllowedInState',
        state: 'unopened',
        acceptedCommands: ['OpenSelection'],
      });
    });

    it('answers NotAllowedInState for a command the procedure does not know', () => {
      const unknown = { ...open, type: 'FlyToTheMoon' } as unknown as Cmd;
      expect(mini.decide(unknown, mini.initialState())).toMatchObject({
        kind: 'NotAllowedInState',
      });
    });

    it('lists every broken rule at once, with id and citation', () => {
      const { snapshot } = run([open, apply('Ana')]);
      expect(mini.decide(apply('Ana'), snapshot)).toEqual({
        kind: 'RulesBroken',
        violations: [{ rule: 'T-ONCE', citation: 'Test Pasal 2', message: 'Ana already applied' }],
      });
      expect(mini.decide(apply(' '), snapshot)).toEqual({
        kind: 'RulesBroken',
        violations: [{ rule: 'T-NAME', citation: 'Test Pasal 1', message: 'no name' }],
      });
    });

    it('evaluates rules against the folded context', () => {
      const opened = run([open]).snapshot;
      expect(mini.decide(close, opened)).toMatchObject({
        kind: 'RulesBroken',
        violations: [{ rule: 'T-MIN' }],
      });
      expect(mini.decide(close, run([apply('Ana')], opened).snapshot).kind).toBe('Accepted');
    });

    it('accepts with the candidate event, stamped with the command time', () => {
      expect(mini.decide(open, mini.initialState())).toEqual({
        kind: 'Accepted',
        events: [{ type: 'SelectionOpened', data: { title: 'JPTP 2024', occurredAt: now } }],
      });
    });

    it('refuses, as NotAllowedInState, an event the machine guard refuses though the rules allow it', () => {
      const { snapshot } = run([open, apply('Ana'), close]);
      const published = machine.resolveState({
        value: { active: 'closed' },
        context: { ...mini.contextOf(snapshot), results: 1 },
      });
      expect(mini.decide(publish, published)).toEqual({
        kind: 'NotAllowedInState',
        state: 'active',
        acceptedCommands: ['PublishResult', 'SuspendSelection'],
      });
    });

    it('accepts nothing in a final state', () => {
      const { snapshot } = run([open, apply('Ana'), close, publish]);
      expect(mini.stateOf(snapshot)).toBe('completed');
      expect(snapshot.status).toBe('done');
      expect(mini.acceptedCommands(snapshot)).toEqual([]);
      expect(mini.decide(suspend(), snapshot)).toMatchObject({
        kind: 'NotAllowedInState',
        state: 'completed',
      });
    });
  });

  describe('acceptedCommands', () => {
    it('includes commands handled by a parent state, in declaration order', () => {
      const { snapshot } = run([open]);
      expect(mini.acceptedCommands(snapshot)).toEqual([
        'SubmitApplication',
        'CloseRegistration',
        'SuspendSelection',
      ]);
    });
  });

  describe('agreement with the machine', () => {
    const sample: Cmd[] = [
      open,
      apply('Ana'),
      apply('Budi'),
      apply(''),
      close,
      publish,
      suspend(),
      suspend(''),
      resume,
    ];

    it('never accepts an event snapshot.can refuses, nor refuses by rule one it allows', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...sample), { maxLength: 14 }), (script) => {
          let snapshot = mini.initialState();
          for (const command of script) {
            const decision = mini.decide(command, snapshot);
            const candidate = commands[command.type].toEvent(
              command as never,
              mini.contextOf(snapshot),
            );
            if (decision.kind === 'Accepted') {
              expect(snapshot.can(decision.events[0]!)).toBe(true);
              snapshot = mini.fold(decision.events, snapshot);
            } else {
              expect(snapshot.can(candidate)).toBe(false);
              const expectedCommands = mini.acceptedCommands(snapshot);
              if (decision.kind === 'NotAllowedInState')
                expect(expectedCommands).not.toContain(command.type);
              else expect(expectedCommands).toContain(command.type);
            }
          }
        }),
        { numRuns: 200, seed: 20240515 },
      );
    });
  });

  describe('fold', () => {
    it('is events.reduce(evolve, initial), and deterministic', () => {
      const { events } = run([open, apply('Ana'), apply('Budi'), suspend(), resume, close]);
      const first = mini.fold(events);
      const second = mini.fold(events);
      const reduced = events.reduce(mini.evolve, mini.initialState());
      expect(first.value).toEqual({ active: 'closed' });
      expect(second.value).toEqual(first.value);
      expect(second.context).toEqual(first.context);
      expect(reduced.value).toEqual(first.value);
      expect(reduced.context).toEqual(first.context);
      expect(mini.persist(second)).toEqual(mini.persist(first));
    });

    it('continues from a given snapshot', () => {
      const { snapshot, events } = run([apply('Cici')], run([open]).snapshot);
      expect(mini.fold(events, run([open]).snapshot).context).toEqual(snapshot.context);
    });

    it('leaves the snapshot it started from unchanged', () => {
      const opened = run([open]).snapshot;
      mini.fold(run([apply('Dedi')], opened).events, opened);
      expect(mini.contextOf(opened).applicants).toEqual([]);
    });
  });

  describe('persist and restore', () => {
    const roundTrip = (snapshot: AnyMachineSnapshot) =>
      mini.restore(JSON.parse(JSON.stringify(mini.persist(snapshot))) as PersistedState<Ctx>);

    it('persists plain JSON', () => {
      const { snapshot } = run([open, apply('Ana')]);
      const persisted = mini.persist(snapshot);
      expect(JSON.parse(JSON.stringify(persisted))).toEqual(persisted);
      expect(persisted).toEqual({
        value: { active: 'registration' },
        context: { title: 'JPTP 2024', applicants: ['Ana'], results: 0 },
        status: 'active',
        historyValue: {},
      });
    });

    it('restores with resolveState to a snapshot that decides the same', () => {
      const { snapshot } = run([open, apply('Ana')]);
      const restored = roundTrip(snapshot);
      expect(restored.value).toEqual(snapshot.value);
      expect(restored.context).toEqual(snapshot.context);
      for (const command of [apply('Ana'), apply('Budi'), close, publish, resume]) {
        expect(mini.decide(command, restored)).toEqual(mini.decide(command, snapshot));
      }
    });

    it('keeps the history memory, so a restored suspension resumes where it was', () => {
      const { snapshot } = run([open, apply('Ana'), close, suspend()]);
      expect(mini.persist(snapshot).historyValue).toEqual({
        'mini.active.hist': ['mini.active.closed'],
      });
      const resumed = run([resume], roundTrip(snapshot)).snapshot;
      expect(resumed.value).toEqual({ active: 'closed' });
    });

    it('restores a record persisted without history memory to the history default', () => {
      const { snapshot } = run([open, apply('Ana'), close, suspend()]);
      const { historyValue: _dropped, ...older } = mini.persist(snapshot);
      expect(run([resume], mini.restore(older)).snapshot.value).toEqual({ active: 'registration' });
    });

    it('restores a final state as done', () => {
      const { snapshot } = run([open, apply('Ana'), close, publish]);
      expect(roundTrip(snapshot).status).toBe('done');
    });
  });

  describe('persistHistory', () => {
    it('is empty before any history state was left', () => {
      expect(persistHistory(mini.initialState())).toEqual({});
    });

    it('is empty for a snapshot resolved without history memory', () => {
      const resolved = machine.resolveState({
        value: 'unopened',
        context: mini.contextOf(mini.initialState()),
      });
      expect(persistHistory(resolved)).toEqual({});
    });
  });

  describe('views', () => {
    it('summarizes with the state and computes deadlines from the context', () => {
      const { snapshot } = run([open]);
      expect(mini.summarize(snapshot)).toEqual({
        title: 'JPTP 2024 (active)',
        state: 'active',
        vacancies: [],
        stages: {},
      });
      expect(mini.deadlines(snapshot).map((d) => d.deadlineId)).toEqual(['registration-end']);
      expect(mini.deadlines(mini.initialState())).toEqual([]);
    });
  });

  describe('with its own stateOf (nested stages)', () => {
    const stageOf = (snapshot: AnyMachineSnapshot): string => {
      const value = snapshot.value as StateValue;
      return typeof value === 'object' && typeof value.active === 'string'
        ? value.active
        : topLevelState(value);
    };
    const staged = machineProcedure<Ctx, Cmd, Ev>({
      kind: 'mini',
      machine,
      commands,
      views,
      stateOf: stageOf,
    });

    it('names the stage in stateOf, NotAllowedInState and the views', () => {
      const { snapshot } = run([open]);
      expect(staged.stateOf(snapshot)).toBe('registration');
      expect(staged.decide(publish, snapshot)).toMatchObject({
        kind: 'NotAllowedInState',
        state: 'registration',
      });
      expect(staged.summarize(snapshot).state).toBe('registration');
      expect(staged.deadlines(snapshot)).toEqual([]);
      expect(staged.stateOf(mini.initialState())).toBe('unopened');
    });
  });
});
