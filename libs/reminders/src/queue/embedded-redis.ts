import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { probeRedis } from './redis.js';

export type EmbeddedRedis = { url: string; stop(): Promise<void> };

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

export class RedisBinaryMissingError extends Error {
  readonly code = 'REDIS_BINARY_MISSING';
}

/**
 * A private redis-server for embedded mode: data under `dir` (AOF on, never evicts), bound to
 * 127.0.0.1 on a free port, stopped (SIGTERM: it writes its AOF) with `stop()` or at exit.
 * `binary` is a path, or a name the OS looks up on the PATH (default `redis-server`); when there
 * is none: RedisBinaryMissingError.
 */
export async function startEmbeddedRedis(options: {
  binary?: string;
  dir: string;
  port?: number;
}): Promise<EmbeddedRedis> {
  const binary = options.binary ?? 'redis-server';
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const child = spawn(
    binary,
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
  await new Promise<void>((resolveSpawn, reject) => {
    child.once('spawn', () => resolveSpawn());
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new RedisBinaryMissingError(`No ${binary} binary on the PATH`)
          : error,
      ),
    );
  });
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
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
