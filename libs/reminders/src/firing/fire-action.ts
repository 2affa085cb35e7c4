import type { Attempt, Current, FireResult, FiringDeps } from './fire-reminder.js';

/**
 * The time-driven step: SYSTEM issues the deadline's command through the command path, with an
 * idempotency key per job and fire instant, so a redelivery or a second firing changes nothing.
 */
export async function fireAction(
  deps: FiringDeps,
  found: Current,
  attempt: Attempt,
  now: string,
): Promise<FireResult> {
  const { data, deadline } = found;
  const type = deadline.action!;
  const done = await deps.records.get(attempt.jobId, 'command', data.fireAt);
  if (done?.status === 'sent') return { kind: 'acted', outcome: 'already-issued' };
  if (deps.issuer === undefined) {
    await deps.records.outcome(
      attempt.jobId,
      data,
      {
        channel: 'command',
        status: 'dropped',
        at: now,
        reason: `no command path: ${type} not issued`,
      },
      done,
    );
    deps.metrics?.reminder('dropped');
    return { kind: 'dropped', reason: 'no-command-path' };
  }
  try {
    const outcome = await deps.issuer.issue({
      selectionId: data.selectionId,
      type,
      now,
      dueAt: data.dueAt,
      idempotencyKey: `${attempt.jobId}-${Date.parse(data.fireAt)}`,
      ...(data.correlationId === undefined ? {} : { correlationId: data.correlationId }),
    });
    const reason = `${type}: ${outcome.status}${outcome.detail === undefined ? '' : ` (${outcome.detail})`}`;
    const status =
      outcome.status === 'accepted' ? 'sent' : outcome.status === 'no-op' ? 'dropped' : 'failed';
    await deps.records.outcome(
      attempt.jobId,
      data,
      {
        channel: 'command',
        status,
        at: now,
        reason,
      },
      done,
    );
    deps.metrics?.reminder(status === 'sent' ? 'sent' : status);
    return { kind: 'acted', outcome: outcome.status };
  } catch (error) {
    const message = (error as Error).message;
    const status = attempt.final ? 'failed' : 'retrying';
    await deps.records.outcome(
      attempt.jobId,
      data,
      {
        channel: 'command',
        status,
        at: now,
        error: message,
      },
      done,
    );
    if (attempt.final) deps.metrics?.reminder('failed');
    return { kind: 'failed', channels: ['command'], error: message, final: attempt.final };
  }
}
