import { assign, setup } from 'xstate';
import {
  defineRule,
  machineProcedure,
  type Command,
  type DomainEvent,
  type RecordedDocument,
} from '@jejak/workflows';

/**
 * A STAND-IN procedure for the audit tests that do not need the law (verification, signing,
 * bundles, escaping): a tiny machine built with the real `machineProcedure`, so its events go
 * through a real `decide` and the real store. The JPTP and Pergub machines replace it where the
 * law matters (the NTT reference case).
 */
type Vacancy = { vacancyId: string; title: string; status: string };
type Ctx = { title: string; vacancies: Vacancy[]; letters: RecordedDocument[] };

type SampleEvent =
  | DomainEvent<'SelectionOpened', { selectionId: string; title: string }>
  | DomainEvent<'VacancyRecorded', { vacancyId: string; title: string }>
  | DomainEvent<'LetterRecorded', { document: RecordedDocument }>
  | DomainEvent<'SelectionClosed', { outcome: string }>;

type SampleCommand =
  | Command<'OpenSelection', { selectionId: string; title: string }>
  | Command<'RecordVacancy', { vacancyId: string; title: string }>
  | Command<'RecordLetter', { document: RecordedDocument }>
  | Command<'CloseSelection', { outcome: string }>;

const letterNotFromTheFuture = defineRule<{ context: Ctx; event: SampleEvent }>({
  id: 'T-LETTER',
  citation: 'Contoh Peraturan 1/2024 Pasal 3',
  check: ({ event }) =>
    event.type === 'LetterRecorded' && event.data.document.date > event.data.occurredAt.slice(0, 10)
      ? ['the letter is dated after the decision']
      : [],
});

const machine = setup({
  types: { context: {} as Ctx, events: {} as SampleEvent },
}).createMachine({
  id: 'sample',
  context: { title: '', vacancies: [], letters: [] },
  initial: 'unopened',
  states: {
    unopened: {
      on: {
        SelectionOpened: {
          target: 'open',
          actions: assign({ title: ({ event }) => event.data.title }),
        },
      },
    },
    open: {
      on: {
        VacancyRecorded: {
          actions: assign({
            vacancies: ({ context, event }) => [
              ...context.vacancies,
              { vacancyId: event.data.vacancyId, title: event.data.title, status: 'open' },
            ],
          }),
        },
        LetterRecorded: {
          actions: assign({
            letters: ({ context, event }) => [...context.letters, event.data.document],
          }),
        },
        SelectionClosed: {
          target: 'closed',
          actions: assign({
            vacancies: ({ context, event }) =>
              context.vacancies.map((vacancy) => ({ ...vacancy, status: event.data.outcome })),
          }),
        },
      },
    },
    closed: { type: 'final' },
  },
});

const withTime = <D>(command: Command<string, D>) => ({
  ...command.data,
  occurredAt: command.metadata.now,
});

export const sampleProcedure = machineProcedure<Ctx, SampleCommand, SampleEvent>({
  kind: 'sample-procedure',
  machine,
  commands: {
    OpenSelection: {
      roles: ['SEKRETARIAT'],
      event: 'SelectionOpened',
      rules: [],
      toEvent: (c) => ({ type: 'SelectionOpened', data: withTime(c) }),
    },
    RecordVacancy: {
      roles: ['SEKRETARIAT'],
      event: 'VacancyRecorded',
      rules: [],
      toEvent: (c) => ({ type: 'VacancyRecorded', data: withTime(c) }),
    },
    RecordLetter: {
      roles: ['SEKRETARIAT'],
      event: 'LetterRecorded',
      rules: [letterNotFromTheFuture],
      toEvent: (c) => ({ type: 'LetterRecorded', data: withTime(c) }),
    },
    CloseSelection: {
      roles: ['PPK'],
      event: 'SelectionClosed',
      rules: [],
      toEvent: (c) => ({ type: 'SelectionClosed', data: withTime(c) }),
    },
  },
  views: {
    summarize: (context) => ({ title: context.title, vacancies: context.vacancies, stages: {} }),
    deadlines: () => [],
  },
});

export const sampleProcedures = { [sampleProcedure.kind]: sampleProcedure };
