import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Compiles the apps as `npm run build` does, into a git-ignored directory inside the repository
 * (so the compiled files resolve the repository's node_modules), and returns the API's entry.
 */
export function buildApi(): { entry: string; cli: string; remove: () => void } {
  mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
  const out = mkdtempSync(join(ROOT, 'test', 'artifacts', 'build-'));
  const swc = createRequire(import.meta.url).resolve('@swc/cli/bin/swc.js');
  execFileSync(
    process.execPath,
    [
      swc,
      'apps',
      'libs',
      'workflows',
      '-d',
      out,
      '--config-file',
      '.swcrc',
      '--quiet',
      '--ignore',
      '**/*.spec.ts,**/*.int-spec.ts',
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  return {
    entry: join(out, 'apps', 'api', 'src', 'main.js'),
    cli: join(out, 'apps', 'cli', 'src', 'main.js'),
    remove: () => rmSync(out, { recursive: true, force: true }),
  };
}

export type Running = {
  child: ChildProcess;
  /** stdout and stderr as they arrived. */
  output: () => string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the output once it matches, rejects if the process exits first. */
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Runs a built entry (`npm start`, `npm run jejak`) in `cwd` with exactly `env` (nothing inherited). */
export function runApi(
  entry: string,
  cwd: string,
  env: Record<string, string>,
  args: string[] = [],
): Running {
  const child = spawn(process.execPath, [entry, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const streams = { stdout: '', stderr: '' };
  const listeners = new Set<() => void>();
  const append = (stream: keyof typeof streams) => (chunk: Buffer) => {
    output += chunk.toString();
    streams[stream] += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append('stdout'));
  child.stderr?.on('data', append('stderr'));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match === null) return;
        listeners.delete(check);
        resolve(match);
      };
      listeners.add(check);
      check();
      void exited.then(() => {
        listeners.delete(check);
        const match = pattern.exec(output);
        if (match) resolve(match);
        else reject(new Error(`exited before printing ${String(pattern)}:\n${output}`));
      });
    });
  return {
    child,
    output: () => output,
    stdout: () => streams.stdout,
    stderr: () => streams.stderr,
    waitFor,
    exited,
  };
}
