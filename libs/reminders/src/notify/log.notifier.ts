import { Logger } from '@nestjs/common';
import type { Notifier, ReminderNotification } from './notifier.port.js';

/** Writes the reminder to the log: always on, so a reminder is never silent. */
export class LogNotifier implements Notifier {
  readonly channel = 'log' as const;
  private readonly logger = new Logger('Reminders');

  applies(): boolean {
    return true;
  }

  send(notification: ReminderNotification): Promise<void> {
    this.logger.log({
      msg: notification.message.subject,
      selectionId: notification.selectionId,
      deadlineId: notification.deadlineId,
      offset: notification.offset,
      dueAt: notification.dueAt,
      recipients: notification.recipients,
      correlationId: notification.correlationId,
    });
    return Promise.resolve();
  }
}
