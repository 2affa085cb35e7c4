import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedHook = { headers: IncomingHttpHeaders; body: string; status: number };

/**
 * A real local HTTP webhook receiver: records every POST with its raw body; answers 500 to the
 * first `failFirst` requests (to exercise retries), or to all while `down` is set.
 */
export async function startWebhookReceiver(options: { failFirst?: number } = {}) {
  const received: ReceivedHook[] = [];
  let failuresLeft = options.failFirst ?? 0;
  const control = { down: false };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const fail = control.down || failuresLeft > 0;
      if (failuresLeft > 0) failuresLeft -= 1;
      const status = fail ? 500 : 204;
      received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/jejak`,
    received,
    control,
    /** The deliveries answered 2xx, parsed. */
    delivered: () =>
      received
        .filter((r) => r.status < 300)
        .map((r) => JSON.parse(r.body) as Record<string, unknown>),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
