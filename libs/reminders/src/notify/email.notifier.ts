import type { Role } from '@jejak/workflows';
import { createTransport, type Transporter } from 'nodemailer';
import type { Notifier, ReminderNotification } from './notifier.port.js';

export type EmailOptions = {
  /** `smtp://user:pass@host:587`, `smtps://...:465`; nodemailer reads options from the query. */
  smtpUrl: string;
  from: string;
  /** Addresses per role (REMINDER_RECIPIENTS). */
  recipients: Partial<Record<Role, readonly string[]>>;
};

/** E-mail over SMTP with nodemailer: one message to every address of the deadline's roles. */
export class EmailNotifier implements Notifier {
  readonly channel = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly options: EmailOptions) {
    this.transport = createTransport(options.smtpUrl);
  }

  addressesFor(roles: readonly Role[]): string[] {
    return [...new Set(roles.flatMap((role) => this.options.recipients[role] ?? []))];
  }

  applies(notification: ReminderNotification): boolean {
    return this.addressesFor(notification.recipients).length > 0;
  }

  async send(notification: ReminderNotification): Promise<void> {
    const headers: Record<string, string> = { 'X-Jejak-Delivery': notification.deliveryId };
    if (notification.correlationId !== undefined)
      headers['X-Request-Id'] = notification.correlationId;
    await this.transport.sendMail({
      from: this.options.from,
      to: this.addressesFor(notification.recipients),
      subject: notification.message.subject,
      text: notification.message.text,
      headers,
    });
  }

  close(): void {
    this.transport.close();
  }
}
