import pg from 'pg';

/**
 * The run's own databases on the test server, named after the bench process
 * (`jejak_bench_<pid>`, `jejak_bench_<pid>_emmett`): runs started side by side (one workload
 * each, by several people on one server) never drop each other's databases.
 */
export function benchDatabaseName(kind: 'main' | 'emmett', pid = process.pid): string {
  return `jejak_bench_${pid}${kind === 'emmett' ? '_emmett' : ''}`;
}

const RUN_DATABASE = /^jejak_bench_(\d+)(?:_emmett)?$/;
/** The names before runs had their own (a run of an older bench may still use them). */
const LEGACY_DATABASES = ['jejak_bench', 'jejak_bench_emmett'];

/** Whether process `pid` still runs on this machine (the server is local to the bench). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops (leftovers of an interrupted run) and creates the database; returns its URL. */
export async function createBenchDatabase(serverUrl: string, name: string): Promise<string> {
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  return withDatabase(serverUrl, name);
}

export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * Drops what killed runs left behind: databases of bench processes that no longer run, and the
 * legacy names when nobody is connected to them. Returns the names dropped.
 */
export async function dropLeftoverDatabases(serverUrl: string): Promise<string[]> {
  return admin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'jejak\\_bench%'",
    );
    const dropped: string[] = [];
    for (const { datname } of rows) {
      const pid = RUN_DATABASE.exec(datname)?.[1];
      if (pid !== undefined && !isAlive(Number(pid))) {
        await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
        dropped.push(datname);
      } else if (LEGACY_DATABASES.includes(datname)) {
        // Without FORCE: a run of an older bench may be using it right now.
        const ok = await client.query(`DROP DATABASE IF EXISTS ${datname}`).then(
          () => true,
          () => false,
        );
        if (ok) dropped.push(datname);
      }
    }
    return dropped;
  });
}
