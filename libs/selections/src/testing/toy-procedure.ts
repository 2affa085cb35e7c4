import { defineRule, machineProcedure, type Command, type DomainEvent } from '@jejak/workflows';
import { assign, setup } from 'xstate';

/**
 * A FAKE procedure for the application layer's own tests: a three-state machine built with the
 * real `machineProcedure` core, so handle-command and the projections are tested without
 * depending on the legal detail of the real procedures (the e2e tests run those).
 *
 * unopened --OpenSelection--> drafting --AddItem*--> drafting --CloseDraft--> closed (final)
 */
export const TOY_KIND = 'toy-procedure';

type ToyContext = {
  title: string;
  items: string[];
  members: string[];
  openedAt?: string;
  closedAt?: string;
};
type ToyEvent =
  | DomainEvent<'SelectionOpened', { selectionId: string; title: string }>
  | DomainEvent<'PanselFormed', { members: { nip: string; name: string }[] }>
  | DomainEvent<'ItemAdded', { name: string }>
  | DomainEvent<'DraftClosed', { note?: string }>;
type ToyCommand =
  | Command<'OpenSelection', { selectionId: string; title: string }>
  | Command<'FormPansel', { members: { nip: string; name: string }[] }>
  | Command<'AddItem', { name: string }>
  | Command<'CloseDraft', { note?: string }>;

type ItemInput = { context: ToyContext; event: Extract<ToyEvent, { type: 'ItemAdded' }> };

export const itemNamed = defineRule<ItemInput>({
  id: 'T-NAME',
  citation: 'Toy Regulation 1/2024 Pasal 1',
  check: ({ event }) => (event.data.name.trim() === '' ? ['an item needs a name'] : []),
});

export const itemUnique = defineRule<ItemInput>({
  id: 'T-UNIQUE',
  citation: 'Toy Regulation 1/2024 Pasal 2',
  check: ({ context, event }) =>
    context.items.includes(event.data.name) ? [`${event.data.name} is already listed`] : [],
});

export const atMostThree = defineRule<ItemInput>({
  id: 'T-LIMIT',
  citation: 'Toy Regulation 1/2024 Pasal 3',
  check: ({ context }) => (context.items.length >= 3 ? ['at most 3 items'] : []),
});

const machine = setup({
  types: { context: {} as ToyContext, events: {} as ToyEvent },
}).createMachine({
  id: 'toy',
  initial: 'unopened',
  context: { title: '', items: [], members: [] },
  states: {
    unopened: {
      on: {
        SelectionOpened: {
          target: 'drafting',
          actions: assign(({ event }) => ({
            title: event.data.title,
            openedAt: event.data.occurredAt,
          })),
        },
      },
    },
    drafting: {
      on: {
        PanselFormed: {
          actions: assign(({ event }) => ({ members: event.data.members.map((m) => m.nip) })),
        },
        ItemAdded: {
          actions: assign(({ context, event }) => ({ items: [...context.items, event.data.name] })),
        },
        DraftClosed: {
          target: 'closed',
          actions: assign(({ event }) => ({ closedAt: event.data.occurredAt })),
        },
      },
    },
    closed: { type: 'final' },
  },
});

const at = <T extends object>(data: T, command: Command) => ({
  ...data,
  occurredAt: command.metadata.now,
});

export const toyProcedure = machineProcedure<ToyContext, ToyCommand, ToyEvent>({
  kind: TOY_KIND,
  machine,
  commands: {
    OpenSelection: {
      roles: ['SEKRETARIAT'],
      event: 'SelectionOpened',
      rules: [],
      toEvent: (command) => ({ type: 'SelectionOpened', data: at(command.data, command) }),
    },
    FormPansel: {
      roles: ['PPK'],
      event: 'PanselFormed',
      rules: [],
      toEvent: (command) => ({ type: 'PanselFormed', data: at(command.data, command) }),
    },
    AddItem: {
      roles: ['SEKRETARIAT', 'PANSEL'],
      event: 'ItemAdded',
      rules: [itemNamed, itemUnique, atMostThree] as never,
      toEvent: (command) => ({ type: 'ItemAdded', data: at(command.data, command) }),
    },
    CloseDraft: {
      roles: ['PPK', 'AUDITOR'],
      event: 'DraftClosed',
      rules: [],
      toEvent: (command) => ({ type: 'DraftClosed', data: at({}, command) }),
    },
  },
  views: {
    summarize: (context) => ({
      title: context.title,
      vacancies: context.items.map((item) => ({ vacancyId: item, title: item, status: 'open' })),
      stages: {
        drafting: { ...(context.openedAt ? { actual: context.openedAt } : {}) },
        closed: { ...(context.closedAt ? { actual: context.closedAt } : {}) },
      },
    }),
    deadlines: (context, state) =>
      state === 'drafting' && context.openedAt
        ? [
            {
              deadlineId: 'draft-end',
              kind: 'planned',
              label: 'Batas akhir draf',
              dueAt: new Date(new Date(context.openedAt).getTime() + 86_400_000).toISOString(),
              recipients: ['PPK'],
            },
          ]
        : [],
  },
});
