import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { probeRedis } from './redis.js';

export type EmbeddedRedis = { url: string; stop(): Promise<void> };

/** The `redis-server` binary in one of the directories of a PATH value, if any. */
export function findRedisServer(pathValue: string): string | null {
  for (const dir of pathValue.split(delimiter).filter((d) => d !== '')) {
    const candidate = join(dir, 'redis-server');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await probeRedis(url, 200)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * A private redis-server for embedded mode: data under `dir` (AOF on, never evicts), bound to
 * 127.0.0.1 on a free port, stopped (SIGTERM: it writes its AOF) with `stop()` or at exit.
 */
export async function startEmbeddedRedis(options: {
  binary: string;
  dir: string;
  port?: number;
}): Promise<EmbeddedRedis> {
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const child = spawn(
    options.binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
      '--protected-mode',
      'yes',
    ],
    { stdio: 'ignore' },
  );
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, child, 5_000);
  } catch (error) {
    child.kill('SIGKILL');
    process.removeListener('exit', onExit);
    throw error;
  }
  return {
    url,
    stop: async () => {
      process.removeListener('exit', onExit);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
