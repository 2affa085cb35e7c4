import type { Deadline } from '@jejak/workflows';
import { parseReminderOffsets } from './reminder-offsets.js';
import { reminderJobId } from './reminder-job.js';
import { fireAtFor, remindersFromDeadlines } from './reminders-from-deadlines.js';

const SELECTION = '3f0c2a7e-9d1b-4c5e-8f60-1a2b3c4d5e6f';
const offsets = parseReminderOffsets('3d,1d,overdue');

/** NTT 2024: registration 2024-05-15 to 2024-05-29, ending 23:59:59 WITA = 15:59:59 UTC. */
const registrationEnd: Deadline = {
  deadlineId: 'registration-end',
  kind: 'legal',
  label: 'Batas akhir pendaftaran',
  dueAt: '2024-05-29T15:59:59.000Z',
  legalBasis: 'PermenPAN-RB 15/2019',
  stage: 'registration',
  recipients: ['SEKRETARIAT'],
  action: 'CloseRegistration',
};
const plannedAssessment: Deadline = {
  deadlineId: 'planned-assessment',
  kind: 'planned',
  label: 'Asesmen kompetensi',
  dueAt: '2024-06-20T15:59:59.000Z',
  stage: 'assessment',
  recipients: ['PANSEL', 'ASESOR'],
};

const summary = (jobs: ReturnType<typeof remindersFromDeadlines>) =>
  jobs.map((j) => [j.jobId, j.data.kind, j.data.fireAt, j.delay]);

describe('remindersFromDeadlines', () => {
  describe('when the registration end is days ahead', () => {
    const now = '2024-05-15T01:00:00.000Z';

    it('reminds 3 days and 1 day before and closes registration at the deadline', () => {
      const jobs = remindersFromDeadlines(SELECTION, [registrationEnd], offsets, now);
      const at = (iso: string) => Date.parse(iso) - Date.parse(now);
      expect(summary(jobs)).toEqual([
        [
          `reminder-${SELECTION}-registration-end-3d`,
          'reminder',
          '2024-05-26T15:59:59.000Z',
          at('2024-05-26T15:59:59.000Z'),
        ],
        [
          `reminder-${SELECTION}-registration-end-1d`,
          'reminder',
          '2024-05-28T15:59:59.000Z',
          at('2024-05-28T15:59:59.000Z'),
        ],
        [
          `reminder-${SELECTION}-registration-end-due`,
          'action',
          '2024-05-29T15:59:59.000Z',
          at('2024-05-29T15:59:59.000Z'),
        ],
      ]);
    });

    it('escalates a planned stage once overdue, and carries ids and instants only', () => {
      const jobs = remindersFromDeadlines(SELECTION, [plannedAssessment], offsets, now);
      expect(jobs.map((j) => j.data.offset)).toEqual(['3d', '1d', 'overdue']);
      expect(jobs[2]!.data).toEqual({
        selectionId: SELECTION,
        deadlineId: 'planned-assessment',
        offset: 'overdue',
        kind: 'escalation',
        dueAt: '2024-06-20T15:59:59.000Z',
        fireAt: '2024-06-20T15:59:59.000Z',
      });
    });

    it('orders jobs of several deadlines by when they fire', () => {
      const jobs = remindersFromDeadlines(
        SELECTION,
        [plannedAssessment, registrationEnd],
        offsets,
        now,
      );
      const fireAts = jobs.map((j) => j.data.fireAt);
      expect(fireAts).toEqual([...fireAts].sort());
      expect(jobs).toHaveLength(6);
    });
  });

  describe('when reminder times have passed', () => {
    it('keeps only the latest missed reminder while the deadline is still ahead', () => {
      const now = '2024-05-29T00:00:00.000Z'; // after the 3d and 1d times, before the end
      const jobs = remindersFromDeadlines(SELECTION, [registrationEnd], offsets, now);
      expect(jobs.map((j) => [j.data.offset, j.delay])).toEqual([
        ['1d', 0],
        ['due', Date.parse(registrationEnd.dueAt) - Date.parse(now)],
      ]);
    });

    it('after the deadline sends no reminder, still acts, and escalates what is overdue', () => {
      const now = '2024-07-01T00:00:00.000Z';
      const jobs = remindersFromDeadlines(
        SELECTION,
        [registrationEnd, plannedAssessment],
        offsets,
        now,
      );
      expect(jobs.map((j) => [j.data.deadlineId, j.data.offset, j.delay])).toEqual([
        ['registration-end', 'due', 0],
        ['planned-assessment', 'overdue', 0],
      ]);
    });
  });

  describe('when the selection was back-filled (its first act recorded after the deadlines)', () => {
    const now = '2026-12-08T02:00:00.000Z';
    it('reminds and escalates nothing that passed before the record existed; the action stays', () => {
      const jobs = remindersFromDeadlines(
        SELECTION,
        [registrationEnd, plannedAssessment],
        offsets,
        now,
        '2026-12-08T01:00:00.000Z',
      );
      expect(jobs.map((j) => [j.data.deadlineId, j.data.offset, j.delay])).toEqual([
        ['registration-end', 'due', 0],
      ]);
    });
    it('still escalates a deadline that passed after the record began', () => {
      const jobs = remindersFromDeadlines(
        SELECTION,
        [registrationEnd, plannedAssessment],
        offsets,
        now,
        '2024-06-01T00:00:00.000Z',
      );
      expect(jobs.map((j) => [j.data.deadlineId, j.data.offset])).toEqual([
        ['registration-end', 'due'],
        ['planned-assessment', 'overdue'],
      ]);
    });
  });

  it('uses the offsets configured for the deadline kind', () => {
    const custom = parseReminderOffsets('legal=2s,1s;planned=overdue+1d');
    const jobs = remindersFromDeadlines(
      SELECTION,
      [registrationEnd, plannedAssessment],
      custom,
      '2024-05-29T15:59:50.000Z',
    );
    expect(jobs.map((j) => [j.data.offset, j.delay])).toEqual([
      ['2s', 7_000],
      ['1s', 8_000],
      ['due', 9_000],
      [
        'overdue1d',
        Date.parse('2024-06-21T15:59:59.000Z') - Date.parse('2024-05-29T15:59:50.000Z'),
      ],
    ]);
  });

  it('gives the same jobs for the same input (deterministic ids, no clock read)', () => {
    const now = new Date('2024-05-20T00:00:00.000Z');
    expect(remindersFromDeadlines(SELECTION, [registrationEnd], offsets, now)).toEqual(
      remindersFromDeadlines(SELECTION, [registrationEnd], offsets, now.toISOString()),
    );
  });

  it('finds where a job of a moved deadline fires now', () => {
    const extended = { ...registrationEnd, dueAt: '2024-06-05T15:59:59.000Z' };
    expect(fireAtFor(extended, '1d', offsets)).toBe('2024-06-04T15:59:59.000Z');
    expect(fireAtFor(extended, 'overdue', offsets)).toBeNull();
  });
});

describe('reminderJobId', () => {
  it('never contains ":" and is never made of digits only (BullMQ rejects both)', () => {
    const id = reminderJobId('123', 'vacancy-7:tmt', '1d');
    expect(id).toBe('reminder-123-vacancy-7_tmt-1d');
    expect(id).not.toMatch(/:/);
    expect(id).not.toMatch(/^\d+$/);
  });
});
