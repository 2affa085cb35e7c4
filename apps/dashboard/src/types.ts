// What the API answers (apps/api selections controller; libs/selections views). Only the fields the
// dashboard shows are named; the API may send more.

export type Deadline = {
  deadlineId: string;
  kind: 'legal' | 'planned';
  label: string;
  dueAt: string;
  legalBasis?: string;
  stage?: string;
  vacancyId?: string;
  recipients: string[];
  action?: string;
};

export type VacancySummary = { vacancyId: string; title: string; status: string };
export type StageDates = Record<string, { planned?: string; actual?: string }>;

export type SelectionSummary = {
  id: string;
  kind: string;
  title: string;
  state: string;
  revision: number;
  vacancies: VacancySummary[];
  stages: StageDates;
  acceptedCommands?: string[];
  deadlines?: Deadline[];
  openedAt: string;
  updatedAt: string;
};

export type SelectionList = {
  items: SelectionSummary[];
  total: number;
  page: number;
  pageSize: number;
};

export type SelectionDetail = SelectionSummary & {
  availableCommands: string[];
  upcomingDeadlines: Deadline[];
  overdueDeadlines: Deadline[];
};

export type CommandResult = {
  revision: number;
  state: string;
  events: { type: string }[];
};

export type HistoricState = { state: string; context: unknown };

export type ReminderRecord = {
  id: string;
  deadlineId: string;
  offset?: string;
  kind?: string;
  channel: string;
  status: string;
  attempts: number;
  dueAt?: string;
  fireAt?: string;
  sentAt?: string;
  lastAttemptAt?: string;
  reason?: string;
};

export type TimelineEntry = {
  revision: number;
  type: string;
  command: string | null;
  occurredAtWita?: string;
  recordedAt: string;
  actor: { sub?: string; name?: string; nip?: string; role?: string } | null;
  summary: string;
  legalBasis: string[];
  documents: {
    issuer: string;
    number: string;
    date: string;
    subject: string;
    files?: { sha256: string; mediaType: string; size: number }[];
  }[];
  stateBefore?: string;
  stateAfter?: string;
  hash: string;
};

export type Verification = {
  ok: boolean;
  eventsChecked?: number;
  headHash?: string | null;
  brokenAt?: number | { revision?: number } | null;
  reason?: string;
  /** Checkpoints signed by a key the server does not trust (after a key rotation). */
  unverifiedCheckpoints?: number;
  [member: string]: unknown;
};
