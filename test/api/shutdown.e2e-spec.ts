import { startTestApp } from '../support/test-app.js';
import { ProbeModule, slowGate } from './probe.module.js';

describe('graceful shutdown (real app)', () => {
  it('finishes the request in flight, answers 503 to new ones meanwhile, then closes the store', async () => {
    slowGate.reset();
    const t = await startTestApp({ imports: [ProbeModule] });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const token = await t.tokenFor('ADMIN');
    const headers = { authorization: `Bearer ${token}` };

    const inFlight = fetch(`${base}/probe/slow`, { headers });
    await slowGate.entered.promise;
    const closing = t.close();

    // Shutdown has begun: a new request on a fresh connection is refused or answered 503.
    const late = await fetch(`${base}/probe/whoami`, {
      headers: { ...headers, connection: 'close' },
    }).then(
      (response) => response.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);

    slowGate.release.resolve();
    const response = await inFlight;
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ finished: true });
    await closing;
    await expect(t.store.readStream('system-health')).rejects.toMatchObject({
      code: 'EVENT_STORE_CLOSED',
    });
  }, 30_000);
});
