import { describe, expect, it } from '@jest/globals';
import type { ProcedureMeta } from './context.js';
import { candidatesOf, deadlineStatus, filledOf, progressOf, stageLate } from './progress.js';
import type { Deadline } from './types.js';

const meta: ProcedureMeta = {
  kind: 'jptp-open-selection',
  stages: ['planning', 'preparing', 'registration', 'registrationClosed'],
  states: ['unopened', 'planning', 'preparing', 'registration', 'registrationClosed', 'suspended', 'completed', 'cancelled'],
  finalStates: ['completed', 'cancelled'],
  transitions: [],
  commandsByState: {},
};

const deadline = (deadlineId: string, dueAt: string): Deadline => ({
  deadlineId,
  kind: 'legal',
  label: deadlineId,
  dueAt,
  recipients: [],
});

describe('progress, posts and deadlines', () => {
  it('places the state on the stages; suspended keeps the last stage reached; completed is full', () => {
    expect(progressOf('registration', meta, {})).toEqual({ index: 3, total: 4, percent: 75 });
    expect(progressOf('completed', meta, {})).toEqual({ index: 4, total: 4, percent: 100 });
    expect(progressOf('suspended', meta, { planning: { actual: '2024-05-01' }, preparing: { actual: '2024-05-06' } }).index).toBe(2);
    expect(progressOf('x', undefined, {})).toEqual({ index: 0, total: 0, percent: 0 });
  });

  it('counts filled posts', () => {
    expect(filledOf({ vacancies: [{ vacancyId: 'a', title: 'A', status: 'filled' }, { vacancyId: 'b', title: 'B', status: 'open' }] })).toEqual({ filled: 1, total: 2 });
  });

  it('finds the next deadline and the overdue ones', () => {
    const now = '2024-05-20T00:00:00.000Z';
    const status = deadlineStatus(
      [deadline('late', '2024-05-19T15:59:59.000Z'), deadline('later', '2024-06-01T00:00:00.000Z'), deadline('soon', '2024-05-29T15:59:59.000Z')],
      now,
    );
    expect(status.next?.deadlineId).toBe('soon');
    expect(status.overdue.map((d) => d.deadlineId)).toEqual(['late']);
  });

  it('marks a stage late against its planned date', () => {
    expect(stageLate('2024-05-10', undefined, '2024-05-11')).toBe(true);
    expect(stageLate('2024-05-10', '2024-05-12', '2024-05-20')).toBe(true);
    expect(stageLate('2024-05-10', '2024-05-10', '2024-05-20')).toBe(false);
    expect(stageLate(undefined, undefined, '2024-05-20')).toBe(false);
  });

  it('reads applicants (JPTP) or candidates (Pergub 113) from the context', () => {
    const jptp = {
      applications: [
        { vacancyId: 'v1', applicant: { nip: '1', name: 'Ani' }, withdrawn: false },
        { vacancyId: 'v1', applicant: { nip: '2', name: 'Budi' }, withdrawn: true },
        { vacancyId: 'v2', applicant: { nip: '3', name: 'Cici' }, withdrawn: false },
      ],
    };
    expect(candidatesOf(jptp, 'v1')).toEqual(['Ani']);
    expect(candidatesOf({ vacancies: [{ vacancyId: 'v1', candidates: ['198001012005011001'] }] }, 'v1')).toEqual(['198001012005011001']);
    expect(candidatesOf(null, 'v1')).toEqual([]);
  });
});
