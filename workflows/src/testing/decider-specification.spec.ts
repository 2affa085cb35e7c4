import { assign, setup } from 'xstate';
import { machineProcedure, type CommandSpecs, type RuleInput } from '../core/decider.js';
import { checkRules, defineRule, type Rule } from '../core/rule.js';
import type { Command, DomainEvent } from '../core/types.js';
import { acceptedEvents, command, event, given } from './decider-specification.js';

// The test subject: a tiny petition procedure (draft -> submitted -> approved), built the way the
// real procedures are, so the DSL is checked against a real machine and a real decider.
type Ctx = { title: string | null; pages: number; approvedBy: string | null };
type PetitionEvent =
  | DomainEvent<'PetitionDrafted', { title: string }>
  | DomainEvent<'PetitionSubmitted', { pages: number }>
  | DomainEvent<'PetitionApproved', { by: string }>;
type PetitionCommand =
  | Command<'DraftPetition', { title: string }>
  | Command<'SubmitPetition', { pages: number }>
  | Command<'ApprovePetition', { by: string }>;
type Input = RuleInput<Ctx, PetitionEvent>;

const titled = defineRule<Input>({
  id: 'T-TITLE',
  citation: 'Test Pasal 1',
  check: ({ event: e }) =>
    e.type === 'PetitionDrafted' && e.data.title.trim() === '' ? ['title is empty'] : [],
});
const pageCount = defineRule<Input>({
  id: 'T-PAGES',
  citation: 'Test Pasal 2',
  check: ({ event: e }) => {
    if (e.type !== 'PetitionSubmitted') return [];
    return [
      ...(e.data.pages < 1 ? ['fewer than 1 page'] : []),
      ...(e.data.pages > 10 ? ['more than 10 pages'] : []),
      ...(e.data.pages === 0 ? ['an empty petition'] : []),
    ];
  },
});
// Deliberately without a citation: thenRejects must refuse it.
const uncited = defineRule<Input>({
  id: 'T-UNCITED',
  citation: ' ',
  check: ({ event: e }) =>
    e.type === 'PetitionApproved' && e.data.by === 'nobody' ? ['no approver'] : [],
});
const silent = defineRule<Input>({
  id: 'T-SILENT',
  citation: 'Test Pasal 3',
  check: ({ event: e }) => (e.type === 'PetitionApproved' && e.data.by === 'mute' ? [''] : []),
});

const rulesHold = ({ context, event: e }: Input, params: { rules: readonly Rule<Input>[] }) =>
  checkRules(params.rules, { context, event: e }).length === 0;

const machine = setup({
  types: { context: {} as Ctx, events: {} as PetitionEvent },
  guards: { rulesHold },
}).createMachine({
  id: 'petition',
  initial: 'unopened',
  context: { title: null, pages: 0, approvedBy: null },
  states: {
    unopened: {
      on: {
        PetitionDrafted: {
          target: 'drafting',
          guard: { type: 'rulesHold', params: { rules: [titled] } },
          actions: assign({ title: ({ event: e }) => e.data.title }),
        },
      },
    },
    drafting: {
      on: {
        PetitionSubmitted: {
          target: 'submitted',
          guard: { type: 'rulesHold', params: { rules: [pageCount] } },
          actions: assign({ pages: ({ event: e }) => e.data.pages }),
        },
      },
    },
    submitted: {
      on: {
        PetitionApproved: {
          target: 'approved',
          guard: { type: 'rulesHold', params: { rules: [uncited, silent] } },
          actions: assign({ approvedBy: ({ event: e }) => e.data.by }),
        },
      },
    },
    approved: { type: 'final' },
  },
});

const commands: CommandSpecs<Ctx, PetitionCommand, PetitionEvent> = {
  DraftPetition: {
    roles: ['SEKRETARIAT'],
    event: 'PetitionDrafted',
    rules: [titled],
    toEvent: (c) => event('PetitionDrafted', { title: c.data.title }, c.metadata.now),
  },
  SubmitPetition: {
    roles: ['SEKRETARIAT'],
    event: 'PetitionSubmitted',
    rules: [pageCount],
    toEvent: (c) => event('PetitionSubmitted', { pages: c.data.pages }, c.metadata.now),
  },
  ApprovePetition: {
    roles: ['PPK'],
    event: 'PetitionApproved',
    rules: [uncited, silent],
    toEvent: (c) => event('PetitionApproved', { by: c.data.by }, c.metadata.now),
  },
};

const petition = machineProcedure<Ctx, PetitionCommand, PetitionEvent>({
  kind: 'petition',
  machine,
  commands,
  views: {
    summarize: (context) => ({ title: context.title ?? '', vacancies: [], stages: {} }),
    deadlines: () => [],
  },
});

const now = '2024-05-15T09:00:00+08:00';
const drafted = event('PetitionDrafted', { title: 'Jalan desa' }, now);
const submitted = event('PetitionSubmitted', { pages: 3 }, now);
const draft = (title: string) => command('DraftPetition', { title }, { now, role: 'SEKRETARIAT' });
const submit = (pages: number) =>
  command('SubmitPetition', { pages }, { now, role: 'SEKRETARIAT' });
const approve = (by: string) => command('ApprovePetition', { by }, { now, role: 'PPK' });

describe('decider specification', () => {
  describe('command', () => {
    it('carries the time and a default actor derived from the role', () => {
      expect(draft('x')).toEqual({
        type: 'DraftPetition',
        data: { title: 'x' },
        metadata: {
          now,
          actor: { sub: 'sekretariat-test', name: 'Test SEKRETARIAT', role: 'SEKRETARIAT' },
        },
      });
    });

    it('takes an explicit sub, name and NIP', () => {
      const c = command(
        'ApprovePetition',
        { by: 'a' },
        {
          now,
          role: 'PPK',
          sub: 'gubernur',
          name: 'Gubernur NTT',
          nip: '196801011990031001',
        },
      );
      expect(c.metadata.actor).toEqual({
        sub: 'gubernur',
        name: 'Gubernur NTT',
        nip: '196801011990031001',
        role: 'PPK',
      });
    });
  });

  describe('event', () => {
    it('stamps occurredAt into the data', () => {
      expect(drafted).toEqual({
        type: 'PetitionDrafted',
        data: { title: 'Jalan desa', occurredAt: now },
      });
    });
  });

  describe('then', () => {
    it('passes on exactly the accepted events and returns the next state', () => {
      const next = given(petition).when(draft('Jalan desa')).then([drafted]);
      expect(next.state).toBe('drafting');
      expect(next.context).toEqual({ title: 'Jalan desa', pages: 0, approvedBy: null });
      expect(next.snapshot.value).toBe('drafting');
    });

    it('folds the given events before deciding', () => {
      const next = given(petition, [drafted]).when(submit(3)).then([submitted]);
      expect(next.state).toBe('submitted');
      expect(next.context.pages).toBe(3);
    });

    it('fails when the accepted events differ', () => {
      expect(() => given(petition).when(draft('Jalan desa')).then([])).toThrow();
      expect(() =>
        given(petition)
          .when(draft('Jalan desa'))
          .then([{ ...drafted, data: { ...drafted.data, title: 'y' } }]),
      ).toThrow();
    });

    it('fails with the decision when the command is rejected or not allowed', () => {
      expect(() => given(petition).when(draft('')).then([drafted])).toThrow(
        /Expected Accepted, got RulesBroken/,
      );
      expect(() => given(petition).when(submit(3)).then([submitted])).toThrow(
        /Expected Accepted, got NotAllowedInState/,
      );
    });
  });

  describe('thenRejects', () => {
    it('passes on the exact rule ids and returns every violation', () => {
      const violations = given(petition).when(draft(' ')).thenRejects('T-TITLE');
      expect(violations).toEqual([
        { rule: 'T-TITLE', citation: 'Test Pasal 1', message: 'title is empty' },
      ]);
    });

    it('treats a rule broken twice as one id', () => {
      const violations = given(petition, [drafted]).when(submit(0)).thenRejects('T-PAGES');
      expect(violations.map((v) => v.message)).toEqual(['fewer than 1 page', 'an empty petition']);
    });

    it('fails when an id is missing or extra', () => {
      expect(() =>
        given(petition, [drafted]).when(submit(0)).thenRejects('T-PAGES', 'T-TITLE'),
      ).toThrow();
      expect(() => given(petition, [drafted]).when(submit(11)).thenRejects('T-TITLE')).toThrow();
    });

    it('fails when a violation has no citation', () => {
      expect(() =>
        given(petition, [drafted, submitted]).when(approve('nobody')).thenRejects('T-UNCITED'),
      ).toThrow(/citation/);
    });

    it('fails when a violation has no message', () => {
      expect(() =>
        given(petition, [drafted, submitted]).when(approve('mute')).thenRejects('T-SILENT'),
      ).toThrow(/message/);
    });

    it('fails when the command is accepted', () => {
      expect(() => given(petition).when(draft('ok')).thenRejects('T-TITLE')).toThrow(
        /Expected RulesBroken, got Accepted/,
      );
    });

    it('refuses to be called without a rule id', () => {
      expect(() => given(petition).when(draft('')).thenRejects()).toThrow(/at least one rule id/);
    });
  });

  describe('thenNotAllowed', () => {
    it('passes on the state and the accepted commands', () => {
      given(petition)
        .when(submit(3))
        .thenNotAllowed({ state: 'unopened', acceptedCommands: ['DraftPetition'] });
      given(petition, [drafted, submitted]).when(draft('x')).thenNotAllowed({ state: 'submitted' });
    });

    it('fails on another state or other accepted commands', () => {
      expect(() => given(petition).when(submit(3)).thenNotAllowed({ state: 'drafting' })).toThrow();
      expect(() =>
        given(petition)
          .when(submit(3))
          .thenNotAllowed({ state: 'unopened', acceptedCommands: ['SubmitPetition'] }),
      ).toThrow();
    });

    it('fails when the command is accepted', () => {
      expect(() => given(petition).when(draft('ok')).thenNotAllowed({ state: 'unopened' })).toThrow(
        /Expected NotAllowedInState, got Accepted/,
      );
    });

    it('sees a final state accept nothing', () => {
      const history = acceptedEvents(petition, [draft('a'), submit(2), approve('ppk')]);
      given(petition, history)
        .when(approve('ppk'))
        .thenNotAllowed({ state: 'approved', acceptedCommands: [] });
    });
  });

  describe('acceptedEvents', () => {
    it('returns the events of a run of accepted commands, after the given ones', () => {
      expect(acceptedEvents(petition, [submit(3)], [drafted])).toEqual([drafted, submitted]);
    });

    it('throws with the decision when a command is not accepted', () => {
      expect(() => acceptedEvents(petition, [draft('a'), submit(99)])).toThrow(
        /SubmitPetition was not accepted/,
      );
    });
  });
});
