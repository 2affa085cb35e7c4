import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A running API process and how to stop it. */
export type ApiProcess = { child: ChildProcess; url: string; stop(): Promise<void> };

const DIST = join(process.cwd(), 'dist');
export const BENCH_SERVER = join(DIST, 'bench', 'src', 'http', 'server.js');
export const API_MAIN = join(DIST, 'apps', 'api', 'src', 'main.js');

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Starts the bench server (the API + an echo route) and waits for its URL. */
export function startBenchServer(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ApiProcess> {
  // One client (the load generator) sends thousands of commands a second: no per-client limit.
  const child = fork(BENCH_SERVER, [], {
    env: { RATE_LIMIT_COMMANDS: 'off', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bench server did not start: ${stderr}`)),
      timeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with ${code}: ${stderr}`));
    });
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer);
      resolve({ child, url: message.url.replace('[::1]', '127.0.0.1'), stop: stopper(child) });
    });
  });
}

/** Starts `main.js` exactly as `npm start` runs it (after the build). */
export function startMain(env: NodeJS.ProcessEnv): { child: ChildProcess; stop(): Promise<void> } {
  const child = spawn(process.execPath, [API_MAIN], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  return { child, stop: stopper(child) };
}

/** Resident set size of a process in MB (Linux /proc). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * The API keeps its BullMQ queues (reminders, audit checkpoints) under the fixed prefix `jejak`.
 * The bench's API processes get their own Redis logical database so that nothing they write can
 * meet another user's keys on the shared server; `dropApiKeys` empties that prefix there after.
 */
export const API_REDIS_DB = 13;

export function apiRedisUrl(redisUrl: string): string {
  const url = new URL(redisUrl);
  url.pathname = `/${API_REDIS_DB}`;
  return url.toString();
}

export async function dropApiKeys(apiRedis: string): Promise<void> {
  const redis = new Redis(apiRedis, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'jejak:*', 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
