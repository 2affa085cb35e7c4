#!/usr/bin/env node
// `jejak` (npx jejak, npm run jejak --): runs the CLI from the built output. When a source file is
// newer than the build (or there is no build yet), it compiles the server code first (swc, no
// dashboard), with its messages on stderr so stdout stays the command's own output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
const SOURCES = ['apps', 'libs', 'workflows'];

/** The newest modification time of the compiled sources (0 when there are none, e.g. an image). */
function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    if (item.name === 'node_modules' || item.name === 'dist' || item.name === 'dashboard') continue;
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (item.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(item.name))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  const sources = SOURCES.map((dir) => join(root, dir)).filter((dir) => existsSync(dir));
  const config = join(root, '.swcrc');
  const newest = Math.max(
    existsSync(config) ? statSync(config).mtimeMs : 0,
    ...sources.map((dir) => newestSource(dir)),
  );
  return newest > built;
}

if (stale()) {
  process.stderr.write(
    'jejak: the sources changed since the last build: compiling (npm run build:server)\n',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', '--silent', 'build:server'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0) {
    process.stderr.write('jejak: the build failed (see above)\n');
    process.exit(build.status ?? 1);
  }
}

await import(pathToFileURL(entry).href);
