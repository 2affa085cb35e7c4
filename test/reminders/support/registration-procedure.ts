import {
  defineRule,
  machineProcedure,
  type Command,
  type Deadline,
  type DomainEvent,
} from '@jejak/workflows';
import { assign, setup } from 'xstate';

/**
 * A FAKE procedure for the reminder tests, built on the real `machineProcedure` core: a
 * registration with an end instant that SYSTEM closes, extensions, a planned interview date and
 * cancellation. It keeps these tests about scheduling and firing, not about the JPTP law (the
 * NTT reference case test drives the real procedure).
 *
 * unopened --SelectionOpened--> registration --RegistrationClosed--> registrationClosed
 *                               any open state --SelectionCancelled--> cancelled (final)
 */
export const REGISTRATION_KIND = 'reminder-test-registration';

type Ctx = {
  title: string;
  registrationEndsAt: string;
  plannedInterviewAt?: string;
  vacancy: { vacancyId: string; title: string };
};
type Opened = {
  selectionId: string;
  title: string;
  registrationEndsAt: string;
  plannedInterviewAt?: string;
};
type Events =
  | DomainEvent<'SelectionOpened', Opened>
  | DomainEvent<'RegistrationExtended', { registrationEndsAt: string }>
  | DomainEvent<'RegistrationClosed', Record<never, never>>
  | DomainEvent<'SelectionCancelled', Record<never, never>>;
type Commands =
  | Command<'OpenSelection', Opened>
  | Command<'ExtendRegistration', { registrationEndsAt: string }>
  | Command<'CloseRegistration', Record<never, never>>
  | Command<'CancelSelection', Record<never, never>>;

const VACANCY = { vacancyId: '7', title: 'Kepala Dinas Energi dan Sumber Daya Mineral' };

const machine = setup({ types: { context: {} as Ctx, events: {} as Events } }).createMachine({
  id: 'reminder-test',
  initial: 'unopened',
  context: { title: '', registrationEndsAt: '', vacancy: VACANCY },
  states: {
    unopened: {
      on: {
        SelectionOpened: {
          target: 'registration',
          actions: assign(({ event }) => ({
            title: event.data.title,
            registrationEndsAt: event.data.registrationEndsAt,
            ...(event.data.plannedInterviewAt
              ? { plannedInterviewAt: event.data.plannedInterviewAt }
              : {}),
          })),
        },
      },
    },
    registration: {
      on: {
        RegistrationExtended: {
          actions: assign(({ event }) => ({ registrationEndsAt: event.data.registrationEndsAt })),
        },
        RegistrationClosed: { target: 'registrationClosed' },
        SelectionCancelled: { target: 'cancelled' },
      },
    },
    registrationClosed: { on: { SelectionCancelled: { target: 'cancelled' } } },
    cancelled: { type: 'final' },
  },
});

type CloseInput = { context: Ctx; event: Extract<Events, { type: 'RegistrationClosed' }> };
const registrationOver = defineRule<CloseInput>({
  id: 'T-END',
  citation: 'Test rule: registration closes only once its end has passed',
  check: ({ context, event }) =>
    Date.parse(event.data.occurredAt) < Date.parse(context.registrationEndsAt)
      ? ['registration is still open']
      : [],
});

const at = <T extends object>(data: T, command: Command) => ({
  ...data,
  occurredAt: command.metadata.now,
});

function deadlines(ctx: Ctx, state: string): Deadline[] {
  const list: Deadline[] = [];
  if (state === 'registration') {
    list.push({
      deadlineId: 'registration-end',
      kind: 'legal',
      label: 'Batas akhir pendaftaran',
      dueAt: new Date(ctx.registrationEndsAt).toISOString(),
      legalBasis: 'PermenPAN-RB 15/2019 (15 hari kalender)',
      stage: 'registration',
      recipients: ['SEKRETARIAT'],
      action: 'CloseRegistration',
    });
  }
  if (ctx.plannedInterviewAt && state !== 'cancelled') {
    list.push({
      deadlineId: 'planned-interview',
      kind: 'planned',
      label: 'Wawancara',
      dueAt: new Date(ctx.plannedInterviewAt).toISOString(),
      stage: 'interview',
      vacancyId: ctx.vacancy.vacancyId,
      recipients: ['PANSEL'],
    });
  }
  return list;
}

export const registrationProcedure = machineProcedure<Ctx, Commands, Events>({
  kind: REGISTRATION_KIND,
  machine,
  commands: {
    OpenSelection: {
      roles: ['SEKRETARIAT'],
      event: 'SelectionOpened',
      rules: [],
      toEvent: (c) => ({ type: 'SelectionOpened', data: at(c.data, c) }),
    },
    ExtendRegistration: {
      roles: ['SEKRETARIAT'],
      event: 'RegistrationExtended',
      rules: [],
      toEvent: (c) => ({ type: 'RegistrationExtended', data: at(c.data, c) }),
    },
    CloseRegistration: {
      roles: ['SYSTEM', 'SEKRETARIAT'],
      event: 'RegistrationClosed',
      rules: [registrationOver] as never,
      toEvent: (c) => ({ type: 'RegistrationClosed', data: at({}, c) }),
    },
    CancelSelection: {
      roles: ['SEKRETARIAT'],
      event: 'SelectionCancelled',
      rules: [],
      toEvent: (c) => ({ type: 'SelectionCancelled', data: at({}, c) }),
    },
  },
  views: {
    summarize: (ctx) => ({
      title: ctx.title,
      vacancies: [{ ...ctx.vacancy, status: 'LOWONG' }],
      stages: {},
    }),
    deadlines,
  },
});
