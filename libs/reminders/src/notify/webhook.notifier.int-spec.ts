import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReminderNotification } from './notifier.port.js';
import { WebhookNotifier } from './webhook.notifier.js';

describe('WebhookNotifier', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      if (request.url === '/moved') {
        response.writeHead(307, { location: `${base}/elsewhere` }).end();
      } else response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  // Only the fields the notifier reads besides serialising it.
  const notification = { deliveryId: 'delivery-1' } as unknown as ReminderNotification;
  const secret = 'x'.repeat(32);

  it('does not follow a redirect: the delivery fails and the other address is never called', async () => {
    const notifier = new WebhookNotifier({ url: `${base}/moved`, secret });
    await expect(notifier.send(notification)).rejects.toThrow('Webhook answered 307');
    expect(hits).toEqual(['/moved']);
  });

  it('delivers to the URL itself', async () => {
    await new WebhookNotifier({ url: `${base}/hook`, secret }).send(notification);
    expect(hits).toContain('/hook');
  });
});
