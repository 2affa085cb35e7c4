import { witaDateOf } from '../core/calendar.js';
import type { Command } from '../core/types.js';
import type { JptpCommand } from './jptp.commands.js';
import type { JptpEvent } from './jptp.events.js';
import { jptpOpenSelection as procedure } from './jptp.procedure.js';
import { ntt2024Commands } from './testing/ntt-2024.case.js';

// The order of acts in procedure A (jptp.act-order.ts), on the 2024 NTT reference case: each
// dependent act is accepted on its own date, and refused (422, its rule id) when dated before an
// act it rests on. Recorded today: `recordedAt` is the clock, `now` the act's date.

const commands = ntt2024Commands();
const RECORDED_AT = '2026-12-08T02:00:00.000Z';

/** The fold of the case up to (not including) the first command of `type` (matching `where`). */
function before(type: string, where: (c: JptpCommand) => boolean = () => true) {
  const index = commands.findIndex((c) => c.type === type && where(c));
  const events: JptpEvent[] = [];
  let snapshot = procedure.initialState();
  for (const command of commands.slice(0, index)) {
    const decision = procedure.decide(command, snapshot);
    if (decision.kind !== 'Accepted') throw new Error(`${command.type} refused`);
    events.push(...decision.events);
    snapshot = procedure.fold(decision.events, snapshot);
  }
  return { snapshot, command: commands[index]! };
}

const datedOn = (command: JptpCommand, now: string): JptpCommand =>
  ({
    ...command,
    metadata: { ...command.metadata, now, recordedAt: RECORDED_AT },
  }) as Command as JptpCommand;

const rulesOf = (command: JptpCommand, snapshot: ReturnType<typeof before>['snapshot']) => {
  const decision = procedure.decide(command, snapshot);
  return decision.kind === 'RulesBroken' ? decision.violations.map((v) => v.rule) : decision.kind;
};

describe('JPTP: acts are not dated before the acts they rest on', () => {
  it('A-ORDER-ANNOUNCE: the announcement on its own date; before the Pansel, the recommendation, the approval', () => {
    const { snapshot, command } = before('PublishAnnouncement');
    expect(rulesOf(datedOn(command, command.metadata.now), snapshot)).toBe('Accepted');
    // Mendagri 2024-05-06, KASN 2024-05-08, Pansel 2024-05-13.
    const broken = (date: string) =>
      (rulesOf(datedOn(command, `${date}T09:00:00+08:00`), snapshot) as string[]).filter(
        (rule) => rule === 'A-ORDER-ANNOUNCE',
      ).length;
    expect(broken('2024-05-12')).toBe(1);
    expect(broken('2024-05-07')).toBe(2);
    expect(broken('2024-05-05')).toBe(3);
  });

  it('A-ORDER-CHOICE: the PPK’s choice not before the names were submitted to it', () => {
    const { snapshot, command } = before('ChooseCandidate');
    const submitted = witaDateOf(procedure.contextOf(snapshot).stages.awaitingPpk!.actual!);
    expect(rulesOf(datedOn(command, `${submitted}T23:00:00+08:00`), snapshot)).toBe('Accepted');
    expect(rulesOf(datedOn(command, `${submitted}T00:00:00+08:00`), snapshot)).toBe('Accepted');
    expect(rulesOf(datedOn(command, '2024-06-01T09:00:00+08:00'), snapshot)).toContain(
      'A-ORDER-CHOICE',
    );
  });

  it('A-ORDER-DECREE: a decree not before the choice it executes', () => {
    const { snapshot, command } = before('IssueAppointmentDecree');
    const vacancyId = (command.data as { vacancyId: string }).vacancyId;
    const chosenOn = procedure
      .contextOf(snapshot)
      .vacancies.find((v) => v.vacancyId === vacancyId)!.chosenOn!;
    expect(rulesOf(datedOn(command, command.metadata.now), snapshot)).toBe('Accepted');
    const dayBefore = new Date(Date.parse(chosenOn) - 86_400_000).toISOString();
    expect(rulesOf(datedOn(command, dayBefore), snapshot)).toContain('A-ORDER-DECREE');
  });

  it('A-ORDER-REPORT: the report to Mendagri not before the inaugurations it reports', () => {
    const { snapshot, command } = before('ReportToMendagri');
    expect(rulesOf(datedOn(command, command.metadata.now), snapshot)).toBe('Accepted');
    expect(rulesOf(datedOn(command, '2025-05-18T09:00:00+08:00'), snapshot)).toContain(
      'A-ORDER-REPORT',
    );
  });

  it('T-FUTURE: any act dated after it is recorded is refused', () => {
    const { snapshot, command } = before('PublishAnnouncement');
    const future = {
      ...command,
      metadata: { ...command.metadata, recordedAt: '2024-05-01T00:00:00Z' },
    };
    expect(rulesOf(future as JptpCommand, snapshot)).toContain('T-FUTURE');
  });
});
