/**
 * jejak's benchmark harness (issue 8): `npm run bench` (all, full sizes), `npm run bench --
 * --quick` (smaller sizes, smoke check), `npm run bench -- B3 B5` (some). Needs PostgreSQL
 * (TEST_DATABASE_URL) and Redis (TEST_REDIS_URL) up; creates and drops its own databases.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  benchDatabaseName,
  createBenchDatabase,
  dropBenchDatabase,
  dropLeftoverDatabases,
} from './harness/databases.js';
import { describeMachine } from './harness/machine.js';
import { now } from './harness/measure.js';
import { renderMarkdown, writeReport, type RunReport } from './harness/report.js';
import type { BenchContext, Workload, WorkloadId, WorkloadResult } from './harness/types.js';
import { dropLeftoverKeys } from './harness/redis-keys.js';
import { WORKLOADS } from './workloads/index.js';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const REPETITIONS = 5;

type Args = { quick: boolean; ids: WorkloadId[]; help: boolean };
const USAGE = 'npm run bench [-- --quick] [-- B1 B5 ...]  (see README, Benchmarks)';

/** A bad command line: said in one line with the usage, exit code 2, no stack. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const known = new Set<string>(WORKLOADS.map((w) => w.id));
  const ids: WorkloadId[] = [];
  let quick = false;
  let help = false;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (known.has(arg.toUpperCase())) ids.push(arg.toUpperCase() as WorkloadId);
    else
      throw new UsageError(
        `Unknown argument ${JSON.stringify(arg)} (expected --quick or one of ${[...known].join(', ')})`,
      );
  }
  return { quick, ids, help };
}

const stamp = (date: Date) => date.toISOString().slice(0, 10);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const serverUrl = process.env['TEST_DATABASE_URL'] || DEFAULT_DATABASE_URL;
  const redisUrl = process.env['TEST_REDIS_URL'] || DEFAULT_REDIS_URL;
  const selected =
    args.ids.length > 0 ? WORKLOADS.filter((w) => args.ids.includes(w.id)) : WORKLOADS;
  const full = args.ids.length === 0;
  const started = new Date();
  const t0 = now();
  const log = (message: string) =>
    console.log(`[bench ${((now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}`);

  const cleanups: (() => Promise<void>)[] = [];
  let aborted = false;
  const databases = new Map<string, Promise<string>>();
  const shared = new Map<string, Promise<unknown>>();
  const context: BenchContext = {
    quick: args.quick,
    databaseUrl: serverUrl,
    redisUrl,
    repetitions: REPETITIONS,
    log,
    database: (name) => {
      if (aborted) return Promise.reject(new Error('interrupted'));
      const db = benchDatabaseName(name);
      if (!databases.has(db)) databases.set(db, createBenchDatabase(serverUrl, db));
      return databases.get(db)!;
    },
    tempDir: async (name) => {
      const dir = await mkdtemp(join(tmpdir(), `jejak-bench-${name}-`));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      return dir;
    },
    shared: <T>(key: string, build: () => Promise<T>) => {
      if (!shared.has(key)) shared.set(key, build());
      return shared.get(key) as Promise<T>;
    },
    onCleanup: (cleanup) => void cleanups.push(cleanup),
  };

  log(`mode ${args.quick ? 'quick' : 'full'}; workloads ${selected.map((w) => w.id).join(' ')}`);
  const leftovers = [
    ...(await dropLeftoverDatabases(serverUrl).catch(() => [])),
    ...(await dropLeftoverKeys(redisUrl).catch(() => [])),
  ];
  if (leftovers.length > 0) log(`removed leftovers of killed runs: ${leftovers.join(', ')}`);
  const machine = await describeMachine(serverUrl, redisUrl);
  log(`machine ${JSON.stringify(machine)}`);
  const results: WorkloadResult[] = [];
  const cleanUpNow = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((e: unknown) => log(`cleanup: ${String(e)}`));
    cleanups.length = 0;
    for (const db of databases.keys())
      await dropBenchDatabase(serverUrl, db).catch((e: unknown) => log(`drop ${db}: ${String(e)}`));
    databases.clear();
  };
  let cleaning: Promise<void> | undefined;
  const cleanUp = () => (cleaning ??= cleanUpNow());
  // Ctrl-C (or a kill) mid-run: stop the API processes, drop the databases, remove the Redis keys
  // and temp dirs, then exit. What the interrupted workload still has in flight fails against
  // closed pools and dropped databases: that is expected then, not worth a crash.
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up before exiting (again to exit at once)`);
    aborted = true;
    process.on('unhandledRejection', () => undefined);
    process.on('uncaughtException', () => undefined);
    void cleanUp()
      .then(() => log('cleaned up (databases dropped, Redis keys and temp dirs removed)'))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    for (const workload of selected) {
      if (aborted) return; // the signal handler cleans up and exits
      results.push(await runOne(workload, context, log));
    }
    if (aborted) return;
    // The report is written before the clean-up, so nothing there can cost the run's results.
    await report(results);
  } finally {
    // Whatever failed (a workload's set-up outside runOne, writing the report), clean up.
    if (!aborted) {
      await cleanUp();
      log('cleaned up (databases dropped, Redis keys and temp dirs removed)');
    }
  }

  async function report(results: WorkloadResult[]): Promise<void> {
    const run: RunReport = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      mode: args.quick ? 'quick' : 'full',
      selected: selected.map((w) => w.id),
      repetitions: REPETITIONS,
      machine,
      loadAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
      workloads: results,
    };
    // Only a full run of every workload regenerates RESULTS.md; others keep their JSON beside it.
    const parts = [
      stamp(started),
      ...(args.quick ? ['quick'] : []),
      ...(full ? [] : selected.map((w) => w.id)),
    ];
    const fileName = `${parts.join('-')}.json`;
    const written = await writeReport(join(process.cwd(), 'bench'), run, WORKLOADS, {
      fileName,
      markdown: full && !args.quick,
    });
    const table = renderMarkdown(run, selected, `results/${fileName}`);
    console.log(table.slice(table.indexOf('## Targets'), table.indexOf('## Details')));
    log(`wrote ${written.json}${written.markdown ? ` and ${written.markdown}` : ''}`);
  }
}

async function runOne(
  workload: Workload,
  context: BenchContext,
  log: (m: string) => void,
): Promise<WorkloadResult> {
  log(`${workload.id} ${workload.title}: start`);
  const start = now();
  try {
    const result = await workload.run(context);
    const durationMs = now() - start;
    log(`${workload.id}: ${result.status} in ${(durationMs / 1000).toFixed(1)} s`);
    return { id: workload.id, title: workload.title, durationMs, ...result };
  } catch (error) {
    const durationMs = now() - start;
    const reason = `failed: ${error instanceof Error ? error.message : String(error)}`;
    log(`${workload.id}: ${reason}`);
    if (error instanceof Error && error.stack) log(error.stack);
    return {
      id: workload.id,
      title: workload.title,
      durationMs,
      status: 'not measured',
      reason,
      checks: [],
      data: {},
      notes: [],
    };
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\nusage: ${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
