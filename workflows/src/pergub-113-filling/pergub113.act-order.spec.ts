import type { AnyMachineSnapshot } from 'xstate';
import type { Pergub113Command } from './pergub113.commands.js';
import { chosen, cmd, completedRound, doc, history, reported } from './pergub113.fixtures.js';
import { pergub113Filling as procedure } from './pergub113.procedure.js';

// The order of acts in a Pergub round (pergub113.act-order.ts), on the reference round: each
// dependent act is accepted on its own date and refused (its rule id) when dated before an act it
// rests on. Acts recorded today: `recordedAt` is the clock.

const RECORDED_AT = '2026-12-08T02:00:00.000Z';
const recordedToday = (command: Pergub113Command): Pergub113Command =>
  ({ ...command, metadata: { ...command.metadata, recordedAt: RECORDED_AT } });

const rulesOf = (command: Pergub113Command, snapshot: AnyMachineSnapshot) => {
  const decision = procedure.decide(recordedToday(command), snapshot);
  return decision.kind === 'RulesBroken' ? decision.violations.map((v) => v.rule) : decision.kind;
};
const foldOf = (commands: Pergub113Command[]) => procedure.fold(history(commands));
const round = completedRound();
const upTo = (n: number) => foldOf(round.slice(0, n));
const indexOf = (type: string) => round.findIndex((c) => c.type === type);

describe('Pergub 113: acts are not dated before the acts they rest on', () => {
  it('B-ORDER-CHOICE: the choice not before the TPK’s report', () => {
    const snapshot = foldOf(reported());
    const report = procedure.contextOf(snapshot).tpkReport!.date;
    const choose = (date: string) =>
      cmd(
        'ChooseCandidate',
        { vacancyId: 'V1', nip: chosen()[reported().length]!.data['nip' as never] },
        'PPK',
        date,
      );
    expect(rulesOf(choose('2025-05-09'), snapshot)).toBe('Accepted');
    expect(rulesOf(choose(report), snapshot)).toBe('Accepted');
    const dayBefore = new Date(Date.parse(`${report}T00:00:00+08:00`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(rulesOf(choose(dayBefore), snapshot)).toContain('B-ORDER-CHOICE');
  });

  it('B-ORDER-DECREE: a decree not before the choice it executes', () => {
    const snapshot = upTo(indexOf('IssueAppointmentDecree'));
    const decree = (date: string) =>
      cmd('IssueAppointmentDecree', { vacancyId: 'V1', decree: doc('KEP/1', date) }, 'PPK', date);
    expect(rulesOf(decree('2025-05-16'), snapshot)).toBe('Accepted');
    expect(rulesOf(decree('2025-05-08'), snapshot)).toContain('B-ORDER-DECREE');
  });

  it('B-ORDER-REPORT: the report to Mendagri not before the inaugurations it reports', () => {
    const snapshot = upTo(indexOf('ReportToMendagri'));
    const report = (date: string) =>
      cmd(
        'ReportToMendagri',
        { document: doc('LAP/1', date), vacancyIds: ['V1', 'V2'] },
        'SEKRETARIAT',
        date,
      );
    expect(rulesOf(report('2025-05-23'), snapshot)).toBe('Accepted');
    const refused = rulesOf(report('2025-05-18'), snapshot);
    expect((refused as string[]).filter((r) => r === 'B-ORDER-REPORT')).toHaveLength(2);
  });

  it('leaves independent acts of one stage free in their order (the two decrees, either first)', () => {
    const snapshot = upTo(indexOf('IssueAppointmentDecree'));
    const v2First = cmd(
      'IssueAppointmentDecree',
      { vacancyId: 'V2', decree: doc('KEP/2', '2025-05-16') },
      'PPK',
      '2025-05-16',
    );
    const decision = procedure.decide(recordedToday(v2First), snapshot);
    if (decision.kind !== 'Accepted') throw new Error('the V2 decree was refused');
    const after = procedure.fold(decision.events, snapshot);
    const v1Earlier = cmd(
      'IssueAppointmentDecree',
      { vacancyId: 'V1', decree: doc('KEP/1', '2025-05-15') },
      'PPK',
      '2025-05-15',
    );
    expect(rulesOf(v1Earlier, after)).toBe('Accepted');
  });
});
