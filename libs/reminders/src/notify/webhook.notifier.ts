import type { Notifier, ReminderNotification } from './notifier.port.js';
import { SIGNATURE_HEADER, signBody } from './signature.js';

export type WebhookOptions = { url: string; secret: string; timeoutMs?: number };

export class WebhookDeliveryError extends Error {
  readonly code = 'WEBHOOK_DELIVERY_FAILED';
}

/**
 * HTTP POST of the notification as JSON, signed with `X-Jejak-Signature` (HMAC-SHA256 over the
 * body). A non-2xx answer or a network fault throws: the job retries with exponential backoff.
 */
export class WebhookNotifier implements Notifier {
  readonly channel = 'webhook' as const;

  constructor(private readonly options: WebhookOptions) {}

  applies(): boolean {
    return true;
  }

  async send(notification: ReminderNotification): Promise<void> {
    const body = JSON.stringify(notification);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signBody(body, this.options.secret),
      'X-Jejak-Delivery': notification.deliveryId,
    };
    if (notification.correlationId !== undefined)
      headers['X-Request-Id'] = notification.correlationId;
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body,
        // A redirect is not followed: the signed body goes to WEBHOOK_URL or nowhere (a 3xx is a
        // failed delivery, retried, and the operator fixes the URL).
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new WebhookDeliveryError(`Webhook unreachable: ${(error as Error).message}`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new WebhookDeliveryError(`Webhook answered ${response.status}`);
  }
}
