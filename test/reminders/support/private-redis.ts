import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedRedis, type EmbeddedRedis } from '@jejak/reminders';

/**
 * A redis-server this test starts on its own port (AOF on, so a stop/start keeps the jobs, as a
 * real deployment does): FLUSHALL and outages never touch the shared TEST_REDIS_URL.
 */
export async function startPrivateRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-redis-'));
  let server: EmbeddedRedis | null = await startEmbeddedRedis({ dir });
  const url = server.url;
  const port = Number(new URL(url).port);
  return {
    url,
    port,
    dir,
    stop: async () => {
      await server?.stop();
      server = null;
    },
    start: async () => {
      server = await startEmbeddedRedis({ dir, port });
    },
    dispose: async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
