import type { Role } from '@jejak/workflows';
import type { Transporter } from 'nodemailer';
import type { Notifier, ReminderNotification } from './notifier.port.js';

export type EmailOptions = {
  /** `smtp://user:pass@host:587`, `smtps://...:465`; nodemailer reads options from the query. */
  smtpUrl: string;
  from: string;
  /** Addresses per role (REMINDER_RECIPIENTS). */
  recipients: Partial<Record<Role, readonly string[]>>;
};

/**
 * E-mail over SMTP with nodemailer: one message to every address of the deadline's roles.
 * nodemailer is loaded when an EmailNotifier is made (SMTP_URL set), not when the app starts.
 */
export class EmailNotifier implements Notifier {
  readonly channel = 'email' as const;
  private readonly transport: Promise<Transporter>;

  constructor(private readonly options: EmailOptions) {
    this.transport = import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(options.smtpUrl),
    );
    this.transport.catch(() => undefined); // surfaces in send(), where the firing records it
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
    const transport = await this.transport;
    await transport.sendMail({
      from: this.options.from,
      to: this.addressesFor(notification.recipients),
      subject: notification.message.subject,
      text: notification.message.text,
      headers,
    });
  }

  close(): void {
    void this.transport.then(
      (transport) => transport.close(),
      () => undefined,
    );
  }
}
