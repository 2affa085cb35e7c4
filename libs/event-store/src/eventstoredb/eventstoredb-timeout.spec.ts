import { createServer, type Server, type Socket } from 'node:net';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../event-store.errors.js';
import { DbClient } from './db-client.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { withTimeout } from './with-timeout.js';

/** A real TCP endpoint that accepts connections and never says a word. */
async function aSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('EventStoreDB adapter timeouts', () => {
  it('fails a call with our unavailable error when the endpoint accepts TCP but never answers', async () => {
    const server = await aSilentServer();
    const store = new EventStoreDbEventStore(
      new DbClient(`esdb://127.0.0.1:${server.port}?tls=false`),
      { timeoutMs: 300 },
    );
    try {
      const error = await store
        .streamRevision('selection-3f0c4a52-7a1c-4d55-9a43-5c7f1bd3a001')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error).toMatchObject({
        code: 'EVENT_STORE_UNAVAILABLE',
        message: 'EventStoreDB did not answer readStream within 300 ms',
      });
    } finally {
      await store.close();
      await server.close();
    }
  });

  it('with @kurrent/kurrentdb-client (kurrentdb://): the same unavailable error on a silent endpoint', async () => {
    const server = await aSilentServer();
    const store = new EventStoreDbEventStore(
      new DbClient(`kurrentdb://127.0.0.1:${server.port}?tls=false`),
      { timeoutMs: 300 },
    );
    try {
      const error = await store
        .streamRevision('selection-3f0c4a52-7a1c-4d55-9a43-5c7f1bd3a001')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error).toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
    } finally {
      await store.close();
      await server.close();
    }
  });

  it('close() closes the gRPC channel, which the client library’s dispose() leaves open', async () => {
    const server = await aSilentServer();
    const library = EventStoreDBClient.connectionString(
      `esdb://127.0.0.1:${server.port}?tls=false`,
    );
    const store = new EventStoreDbEventStore(new DbClient(library, 'eventstore'), {
      timeoutMs: 200,
    });
    await store.streamRevision('selection-3f0c4a52-7a1c-4d55-9a43-5c7f1bd3a001').catch(() => null);
    await store.close();
    const channel = await (
      library as unknown as { getChannel(): Promise<{ getConnectivityState(b: boolean): number }> }
    ).getChannel();
    expect(channel.getConnectivityState(false)).toBe(4); // grpc ConnectivityState.SHUTDOWN
    await server.close();
  });

  it('passes results and errors through untouched when the call settles in time', async () => {
    await expect(withTimeout('op', 1_000, () => Promise.resolve(42))).resolves.toBe(42);
    await expect(withTimeout('op', 1_000, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
  });
});
