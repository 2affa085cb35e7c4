import { formatWita } from '../messages/format-wita.js';
import { composeReminderMessage } from '../messages/reminder-message.js';
import type { Notifier, ReminderNotification } from '../notify/notifier.port.js';
import { recordId } from '../records/reminder-records.js';
import type { Attempt, Current, FireResult, FiringDeps } from './fire-reminder.js';

function notificationFor(
  deps: FiringDeps,
  found: Current,
  attempt: Attempt,
  now: string,
  notifier: Notifier,
): ReminderNotification {
  const { facts, deadline, data } = found;
  const link = `${deps.publicBaseUrl.replace(/\/+$/, '')}/selections/${data.selectionId}`;
  const vacancyTitle = facts.vacancies.find((v) => v.vacancyId === deadline.vacancyId)?.title;
  const kind = data.kind === 'escalation' ? 'escalation' : 'reminder';
  const message = composeReminderMessage({
    kind,
    deadline,
    selection: { selectionId: data.selectionId, title: facts.title },
    ...(vacancyTitle === undefined ? {} : { vacancyTitle }),
    link,
    now,
    lang: deps.lang,
  });
  return {
    deliveryId: recordId(attempt.jobId, notifier.channel, data.fireAt),
    jobId: attempt.jobId,
    kind,
    selectionId: data.selectionId,
    selectionTitle: facts.title,
    deadlineId: deadline.deadlineId,
    label: deadline.label,
    offset: data.offset,
    dueAt: deadline.dueAt,
    dueAtWita: formatWita(deadline.dueAt, deps.lang),
    ...(deadline.legalBasis === undefined ? {} : { legalBasis: deadline.legalBasis }),
    ...(deadline.stage === undefined ? {} : { stage: deadline.stage }),
    ...(deadline.vacancyId === undefined ? {} : { vacancyId: deadline.vacancyId }),
    ...(vacancyTitle === undefined ? {} : { vacancyTitle }),
    recipients: [...deadline.recipients],
    link,
    lang: deps.lang,
    message,
    ...(data.correlationId === undefined ? {} : { correlationId: data.correlationId }),
  };
}

/** Sends on every channel that applies and has not sent this reminder yet; records each outcome. */
export async function notifyChannels(
  deps: FiringDeps,
  found: Current,
  attempt: Attempt,
  now: string,
): Promise<FireResult> {
  const sent: string[] = [];
  const failed: string[] = [];
  let lastError = '';
  for (const notifier of deps.notifiers) {
    const notification = notificationFor(deps, found, attempt, now, notifier);
    if (!notifier.applies(notification)) continue;
    const done = await deps.records.get(attempt.jobId, notifier.channel, found.data.fireAt);
    if (done?.status === 'sent' || done?.status === 'failed') continue;
    try {
      await notifier.send(notification);
      await deps.records.outcome(
        attempt.jobId,
        found.data,
        { channel: notifier.channel, status: 'sent', at: now },
        done,
      );
      sent.push(notifier.channel);
    } catch (error) {
      lastError = `${notifier.channel}: ${(error as Error).message}`;
      const status = attempt.final ? 'failed' : 'retrying';
      await deps.records.outcome(
        attempt.jobId,
        found.data,
        { channel: notifier.channel, status, at: now, error: lastError },
        done,
      );
      failed.push(notifier.channel);
    }
  }
  if (failed.length > 0) {
    if (attempt.final) deps.metrics?.reminder('failed');
    return { kind: 'failed', channels: failed, error: lastError, final: attempt.final };
  }
  if (sent.length > 0) deps.metrics?.reminder('sent');
  return { kind: 'sent', channels: sent };
}
