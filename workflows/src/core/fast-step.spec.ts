import {
  and,
  assign,
  initialTransition,
  raise,
  setup,
  transition,
  type AnyMachineSnapshot,
} from 'xstate';
import { persistSnapshot } from './decider.js';
import { fastStepper } from './fast-step.js';
import { replaying, rulesHold } from './replay.js';
import { defineRule } from './rule.js';

// The fast step applies an event directly only when XState would do nothing but its assignments;
// in every other case it answers undefined and XState takes the step.

type Ctx = { count: number; names: string[] };
type Ev =
  | { type: 'add'; name: string }
  | { type: 'addTwice'; name: string }
  | { type: 'set'; count: number }
  | { type: 'guarded' }
  | { type: 'move' }
  | { type: 'log' }
  | { type: 'paramFn' }
  | { type: 'bump' }
  | { type: 'other.thing' };
type Input = { context: Ctx; event: Ev };

const named = defineRule<Input>({
  id: 'T-NAMED',
  citation: 'Test Pasal 1',
  check: ({ event }) => (event.type === 'add' && event.name === '' ? ['no name'] : []),
});

const build = setup({
  types: { context: {} as Ctx, events: {} as Ev },
  guards: {
    rulesHold: rulesHold<Input>,
    small: ({ context }) => context.count < 100,
    full: ({ context }, params: { limit: number }) => context.names.length >= params.limit,
  },
  actions: {
    record: assign(({ context, event }) =>
      event.type === 'add' || event.type === 'addTwice'
        ? { names: [...context.names, event.name] }
        : {},
    ),
    setCount: assign({ count: ({ event }) => (event.type === 'set' ? event.count : 0) }),
    plusOne: assign({ count: ({ context }) => context.count + 1, names: ['x'] }),
    note: () => {},
  },
});

const machine = build.createMachine({
  id: 'fast',
  context: { count: 0, names: [] },
  initial: 'open',
  states: {
    open: {
      always: { guard: { type: 'full', params: { limit: 3 } }, target: 'full' },
      on: {
        add: { guard: { type: 'rulesHold', params: { rules: [named] } }, actions: 'record' },
        addTwice: { actions: ['record', 'record'] },
        set: { actions: { type: 'setCount' } },
        bump: { actions: 'plusOne' },
        guarded: { guard: 'small', actions: 'record' },
        move: { target: 'closed' },
        log: { actions: ['record', 'note'] },
        paramFn: { actions: { type: 'record', params: () => ({}) } },
      },
    },
    full: { on: { add: { actions: 'record' } } },
    closed: { type: 'final' },
  },
});

const opened = () => initialTransition(machine)[0];
const plain = (snapshot: AnyMachineSnapshot, event: Ev) =>
  replaying(() => transition(machine, snapshot, event)[0]);
const fast = fastStepper(machine);
const fastly = (snapshot: AnyMachineSnapshot, event: Ev) => replaying(() => fast(snapshot, event));

describe('fastStepper', () => {
  it.each<Ev>([
    { type: 'add', name: 'Ana' },
    { type: 'addTwice', name: 'Ana' },
    { type: 'set', count: 7 },
    { type: 'bump' },
  ])('applies $type as XState does (function, object and repeated assignments)', (event) => {
    const snapshot = opened();
    const next = fastly(snapshot, event);
    expect(next).toBeDefined();
    expect(persistSnapshot(next!)).toEqual(persistSnapshot(plain(snapshot, event)));
    expect(next!.can({ type: 'move' })).toBe(true);
    expect(snapshot.context).toEqual({ count: 0, names: [] });
  });

  it('leaves to XState an event whose assignment lets an eventless transition fire', () => {
    const two = [{ name: 'a' }, { name: 'b' }].reduce<AnyMachineSnapshot>(
      (s, { name }) => fastly(s, { type: 'add', name })!,
      opened(),
    );
    expect(fastly(two, { type: 'add', name: 'c' })).toBeUndefined();
    expect(plain(two, { type: 'add', name: 'c' }).value).toBe('full');
  });

  it.each<[string, Ev]>([
    ['a guard that is not the rule guard', { type: 'guarded' }],
    ['a state change', { type: 'move' }],
    ['an action that is not an assign', { type: 'log' }],
    ['params computed by a function', { type: 'paramFn' }],
    ['an event the state does not handle', { type: 'other.thing' }],
  ])('leaves to XState %s', (_, event) => {
    expect(fastly(opened(), event)).toBeUndefined();
  });

  it('leaves to XState a snapshot at rest in a final state or of another machine', () => {
    const closed = plain(opened(), { type: 'move' });
    expect(closed.status).toBe('done');
    expect(fastly(closed, { type: 'add', name: 'a' })).toBeUndefined();
    const other = initialTransition(machine.provide({}))[0];
    expect(fastly(other, { type: 'add', name: 'a' })).toBeUndefined();
  });

  it('leaves everything to XState in states with wildcards, composite eventless guards, or parallel regions', () => {
    const odd = build.createMachine({
      context: { count: 0, names: [] },
      initial: 'wild',
      states: {
        wild: { on: { '*': { actions: 'record' }, add: { actions: 'record' }, move: 'busy' } },
        busy: {
          always: { guard: and(['small', { type: 'full', params: { limit: 3 } }]), target: 'wild' },
          on: { add: { actions: 'record' }, move: 'both' },
        },
        both: {
          type: 'parallel',
          states: { a: { on: { add: { actions: 'record' } } }, b: {} },
        },
      },
    });
    const step = fastStepper(odd);
    const at = (snapshot: AnyMachineSnapshot, ...events: Ev[]) =>
      events.reduce((s, e) => replaying(() => transition(odd, s, e)[0]), snapshot);
    const wild = initialTransition(odd)[0];
    const add: Ev = { type: 'add', name: 'a' };
    expect(replaying(() => step(wild, add))).toBeUndefined();
    // `busy` has a composite eventless guard
    const busy = at(wild, { type: 'move' });
    expect(busy.value).toBe('busy');
    expect(replaying(() => step(busy, add))).toBeUndefined();
    const both = at(busy, { type: 'move' });
    expect(both.value).toEqual({ both: { a: {}, b: {} } });
    expect(replaying(() => step(both, add))).toBeUndefined();
  });

  it('leaves to XState a snapshot with spawned children', () => {
    const parent = setup({
      types: { context: {} as Ctx, events: {} as Ev },
      actors: { child: machine },
      actions: { record: assign(({ context }) => ({ count: context.count + 1 })) },
    }).createMachine({
      context: { count: 0, names: [] },
      invoke: { src: 'child' },
      on: { bump: { actions: 'record' } },
    });
    const snapshot = initialTransition(parent)[0];
    expect(Object.keys(snapshot.children)).toHaveLength(1);
    expect(replaying(() => fastStepper(parent)(snapshot, { type: 'bump' }))).toBeUndefined();
  });

  it('leaves to XState a raised event (an action that is not an assign)', () => {
    const raising = build.createMachine({
      context: { count: 0, names: [] },
      on: { bump: { actions: raise({ type: 'set', count: 1 }) } },
    });
    expect(
      replaying(() => fastStepper(raising)(initialTransition(raising)[0], { type: 'bump' })),
    ).toBeUndefined();
  });
});
