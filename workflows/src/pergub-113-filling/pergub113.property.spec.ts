import fc from 'fast-check';
import type { AnyMachineSnapshot } from 'xstate';
import type { Pergub113Command } from './pergub113.commands.js';
import { PERGUB113_COMMANDS } from './pergub113.decide.js';
import type { Pergub113Event } from './pergub113.events.js';
import { aProfile, cmd, doc, nip, tpkMembers } from './pergub113.fixtures.js';
import { pergub113Filling } from './pergub113.procedure.js';
import type { PergubContext } from './pergub113.types.js';
import { cancelLast, D, progress, sideCommands } from './pergub113.walk.fixtures.js';

// Property (issue 2): over random command sequences, mostly the ones that move the round on,
// mixed with broken and out-of-state ones, `snapshot.can(event)` and the decider never disagree,
// and an accepted event always moves the machine.

/** Commands that break a rule or arrive in the wrong state. */
const noise = (c: PergubContext): Pergub113Command[] => [
  cmd('OpenSelection', { selectionId: 'again', title: 'again' }, 'SEKRETARIAT', D),
  cmd('FormTPK', { decree: doc('T', D), members: tpkMembers(4) }, 'PPK', D),
  cmd(
    'RecordVacancy',
    {
      vacancyId: 'V9',
      title: 't',
      unit: 'u',
      eselon: 'IV.a',
      jabatan: 'ADMINISTRATOR',
      status: 'LOWONG',
    },
    'SEKRETARIAT',
    D,
  ),
  cmd(
    'PrepareEligibleList',
    { vacancyId: 'V1', profiles: [aProfile(31, { education: { level: 'D-III' } })] },
    'SEKRETARIAT',
    D,
  ),
  cmd(
    'SetCandidates',
    {
      candidates: c.vacancies.map((v) => ({
        vacancyId: v.vacancyId,
        nips: v.eligibleList.slice(0, 2).map((e) => e.nip),
      })),
    },
    'TPK',
    D,
  ),
  cmd('RecordMappingResult', { nip: nip(31), jpm: 50, category: 'KMS' }, 'ASESOR', D),
  cmd('RecordTrackRecord', { nip: c.vacancies[0]?.candidates[0] ?? nip(1), sources: [] }, 'TPK', D),
  cmd('CompleteStage', { stage: 'mapping' }, 'PPK', D),
  cmd('CompleteStage', { stage: 'trackRecord' }, 'TPK', D),
  cmd(
    'ReportToPPK',
    {
      report: doc('L', D),
      shortlists: c.vacancies.map((v) => ({
        vacancyId: v.vacancyId,
        nips: v.candidates.slice(0, 2),
      })),
    },
    'TPK',
    D,
  ),
  cmd('ChooseCandidate', { vacancyId: 'V1', nip: nip(31) }, 'PPK', D),
  cmd('IssueAppointmentDecree', { vacancyId: 'V2', decree: doc('K', '2025-05-10') }, 'PPK', D),
  cmd('RecordInauguration', { vacancyId: 'V1', date: D, oathTaken: false }, 'PPK', D),
  cmd('ReportToMendagri', { document: doc('R', D), vacancyIds: ['V1'] }, 'SEKRETARIAT', D),
  cmd('CancelVacancy', { vacancyId: 'V9', reason: 'x' }, 'PPK', D),
];

const eventOf = (command: Pergub113Command, context: PergubContext): Pergub113Event => {
  const spec = PERGUB113_COMMANDS[command.type] as {
    toEvent: (c: Pergub113Command, x: PergubContext) => Pergub113Event;
  };
  return spec.toEvent(command, context);
};

function pick(snapshot: AnyMachineSnapshot, choice: number): Pergub113Command | undefined {
  const state = pergub113Filling.stateOf(snapshot);
  const context = pergub113Filling.contextOf(snapshot);
  const forward = progress(state, context);
  // seven in eight steps move the round on; the rest are side, cancelling or broken commands
  const pool =
    choice % 8 !== 0 && forward.length > 0
      ? forward
      : [...forward, ...sideCommands, ...cancelLast(context), ...noise(context)];
  return pool[Math.floor(choice / 8) % pool.length];
}

describe('pergub113 decider and machine agree (fast-check)', () => {
  it('never lets snapshot.can(event) and decide disagree', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 150, size: 'max' }),
        (choices) => {
          let snapshot = pergub113Filling.initialState();
          for (const choice of choices) {
            const command = pick(snapshot, choice);
            if (!command) break;
            const decision = pergub113Filling.decide(command, snapshot);
            const event = eventOf(command, pergub113Filling.contextOf(snapshot));
            expect({ command: command.type, accepted: decision.kind === 'Accepted' }).toEqual({
              command: command.type,
              accepted: snapshot.can(event),
            });
            if (decision.kind === 'Accepted') {
              expect(decision.events).toEqual([event]);
              const next = pergub113Filling.evolve(snapshot, event);
              expect(next).not.toBe(snapshot);
              snapshot = next;
            }
            reached.add(pergub113Filling.stateOf(snapshot));
          }
        },
      ),
      { numRuns: 25, seed: 113 },
    );
    // the walks went everywhere, so the agreement was checked in every state
    expect([...reached].sort()).toEqual(Object.keys(pergub113Filling.machine.root.states).sort());
  });
});
