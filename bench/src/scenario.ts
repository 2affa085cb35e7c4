import { jptpOpenSelection, type JptpCommand, type JptpEvent } from '@jejak/workflows';
import {
  jptpCommand,
  score,
  wita,
} from '../../workflows/src/jptp-open-selection/testing/jptp-builders.js';
import { jptpScenario } from '../../workflows/src/jptp-open-selection/testing/jptp-scenario.js';
import { acceptedEvents } from '../../workflows/src/testing/decider-specification.js';

/**
 * The NTT reference selection as commands: the workflows' own JPTP scenario (jptpScenario, every
 * applicant carried through every stage) with `posts` vacancies of `applicants` each. Two things
 * differ at bench scale and are mapped here: NIPs unique per applicant up to 99,999 (the
 * scenario's `nipOf(10v + j)` repeats beyond 9 applicants a post) and marks that stay in 0..100
 * however many applicants there are (the scenario's `85 - 5j` goes negative beyond 17);
 * applicants 1..3 of each post stay the top three.
 */
export type ReferenceSelection = {
  /** Every command, in order. */
  commands: JptpCommand[];
  /** Index in `commands` of the first `SubmitApplication` (the registration deadline rush). */
  firstSubmission: number;
};

const nip = (n: number) => `1975031020000${String(n).padStart(5, '0')}`;
const STAGES = [
  'administrativeSelection',
  'competencyAssessment',
  'trackRecord',
  'interview',
] as const;

/** Post and rank (v, j) of the scenario's application id `a{v}-{j}`. */
function applicantOf(applicationId: string): { v: number; j: number } {
  const [v, j] = applicationId.slice(1).split('-').map(Number);
  return { v: v!, j: j! };
}

function atScale(command: JptpCommand, applicants: number): JptpCommand {
  const mark = (base: number, j: number) => score(base - Math.min(j, 40));
  const data = command.data as Record<string, unknown>;
  const withData = (changes: Record<string, unknown>) =>
    ({ ...command, data: { ...data, ...changes } }) as JptpCommand;
  if (typeof data['applicationId'] !== 'string') return command;
  const { v, j } = applicantOf(data['applicationId']);
  switch (command.type) {
    case 'SubmitApplication':
      return withData({
        applicant: {
          ...(data['applicant'] as object),
          nip: nip((v - 1) * applicants + j),
        },
      });
    case 'RecordAssessmentResult':
      return withData({ jpm: 90 - Math.min(j, 40) });
    case 'RecordTechnicalResult':
      return withData({ score: mark(90, j) });
    case 'RecordTrackRecord':
      return withData({ score: mark(85, j) });
    case 'RecordInterview':
      return withData({ score: mark(93, j) });
    default:
      return command;
  }
}

export function referenceSelection(
  posts = 15,
  applicants = 40,
  /** `SetPlannedSchedule` commands during registration (a long history whose context stays small). */
  reschedules = 0,
): ReferenceSelection {
  const scenario = jptpScenario({ vacancies: posts, applicants });
  const opening = scenario.commandsTo('registration');
  const rest = scenario.commandsTo('completed').slice(opening.length);
  const rescheduling = Array.from({ length: reschedules }, (_, i) =>
    jptpCommand(
      'SetPlannedSchedule',
      {
        dates: {
          [STAGES[i % STAGES.length]!]:
            `2024-0${6 + (i % 3)}-${String(10 + (i % 18)).padStart(2, '0')}`,
        },
      },
      wita('2024-05-16'),
    ),
  );
  return {
    commands: [...opening, ...rescheduling, ...rest.map((c) => atScale(c, applicants))],
    firstSubmission: opening.length + rescheduling.length,
  };
}

/**
 * The events the commands yield, decided one by one on an incrementally folded snapshot
 * (the workflows' acceptedEvents: the cost is deciding, not folding from scratch each time).
 */
export function eventsOf(commands: readonly JptpCommand[]): JptpEvent[] {
  return acceptedEvents(jptpOpenSelection, commands);
}

/** The NTT reference selection (15 posts x 40 applicants) with its events, built once per run. */
export type Reference = ReferenceSelection & { events: JptpEvent[] };

/** The re-planned schedules repeat every 36 commands (stage i % 4, date from i % 3 and i % 18). */
const RESCHEDULE_PERIOD = 36;

/**
 * The long selection of B1 and B5 (reference + re-planned schedules), `size` events. Deciding
 * 96,000 re-plannings one by one only repeats 36 distinct commands, each overwriting a stage's
 * planned date: their events repeat with the same period, and the context after `k` of them is
 * the context after `36 + k % 36`. So the opening, `36 + k % 36` re-plannings and the rest are
 * decided (every event the rest yields is decided on that context) and the re-planning events are
 * repeated up to `k` (scenario.spec.ts checks this against deciding every command).
 */
export function longSelection(size: number): Reference {
  const base = referenceSelection(15, 40);
  const reschedules = size - base.commands.length;
  const selection = referenceSelection(15, 40, reschedules);
  if (reschedules < 2 * RESCHEDULE_PERIOD)
    return { ...selection, events: eventsOf(selection.commands) };
  const opening = base.firstSubmission;
  const decided = RESCHEDULE_PERIOD + (reschedules % RESCHEDULE_PERIOD);
  const { commands } = selection;
  const short = [...commands.slice(0, opening + decided), ...commands.slice(opening + reschedules)];
  const events = eventsOf(short);
  if (events.length !== short.length) throw new Error('bench: one event per command expected');
  return {
    ...selection,
    events: [
      ...events.slice(0, opening),
      ...Array.from({ length: reschedules }, (_, i) => events[opening + (i % RESCHEDULE_PERIOD)]!),
      ...events.slice(opening + decided),
    ],
  };
}

export function referenceWithEvents(): Reference {
  const selection = referenceSelection(15, 40);
  return { ...selection, events: eventsOf(selection.commands) };
}
