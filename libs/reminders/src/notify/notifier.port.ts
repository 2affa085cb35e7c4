import type { Role } from '@jejak/workflows';
import type { ReminderKind } from '../core/reminder-job.js';
import type { Lang } from '../messages/format-wita.js';
import type { ReminderMessage } from '../messages/reminder-message.js';

export type NotifierChannel = 'webhook' | 'email' | 'log';

/** One reminder as the channels see it: composed when the job fires, from the re-read selection. */
export type ReminderNotification = {
  /** Unique per job, channel and due instant: receivers may dedupe on it. */
  deliveryId: string;
  jobId: string;
  kind: Exclude<ReminderKind, 'action'>;
  selectionId: string;
  selectionTitle: string;
  deadlineId: string;
  label: string;
  offset: string;
  dueAt: string;
  dueAtWita: string;
  legalBasis?: string;
  stage?: string;
  vacancyId?: string;
  vacancyTitle?: string;
  recipients: Role[];
  link: string;
  lang: Lang;
  message: ReminderMessage;
  correlationId?: string;
};

/** A channel: throws when the notification could not be delivered (the job retries it). */
export interface Notifier {
  readonly channel: NotifierChannel;
  /** False when this channel has nobody to tell (e.g. no e-mail address for these roles). */
  applies(notification: ReminderNotification): boolean;
  send(notification: ReminderNotification): Promise<void>;
}
