import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CLOCK, type Clock } from '@jejak/selections';
import { loadApiConfig } from '../../../apps/api/src/api.config.js';
import { ApiModule } from '../../../apps/api/src/api.module.js';
import { SelectionsModule } from '../../../apps/api/src/selections/selections.module.js';
import {
  startTestApp,
  TEST_JWT_SECRET,
  type TestApp,
  type TestAppOptions,
} from '../../support/test-app.js';

/** A clock the test moves by hand (commands get this `now`; never waited for). */
export type TestClock = Clock & { set(instant: string): void };

export function testClock(start: string): TestClock {
  let now = new Date(start);
  const clock = (() => now) as TestClock;
  clock.set = (instant: string) => {
    now = new Date(instant);
  };
  return clock;
}

/** Whether ApiModule already imports SelectionsModule (else the test app adds it). */
function apiImportsSelections(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-probe-'));
  try {
    const module = ApiModule.forRoot(loadApiConfig({ DATA_DIR: dir, JWT_SECRET: TEST_JWT_SECRET }));
    return (module.imports ?? []).includes(SelectionsModule);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The real API with the selections endpoints, optionally on a clock the test controls. */
export function startSelectionsApp(
  options: TestAppOptions & { clock?: Clock } = {},
): Promise<TestApp> {
  const { clock, ...rest } = options;
  return startTestApp({
    ...rest,
    imports: [...(apiImportsSelections() ? [] : [SelectionsModule]), ...(rest.imports ?? [])],
    overrides: [...(rest.overrides ?? []), ...(clock ? [{ provide: CLOCK, useValue: clock }] : [])],
  });
}

/** One store the e2e suites run against, with what it takes to clean up after. */
export type StoreVariant = {
  name: 'embedded' | 'postgres';
  options: Pick<TestAppOptions, 'env' | 'eventStore'>;
  dispose: () => Promise<void>;
};

/** Embedded (a temp SQLite file) and PostgreSQL (TEST_DATABASE_URL, a schema of its own). */
export function storeVariants(prefix: string): StoreVariant[] {
  const databaseUrl =
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  return [
    { name: 'embedded', options: {}, dispose: () => Promise.resolve() },
    {
      name: 'postgres',
      options: {
        env: { EVENT_STORE: 'postgres', DATABASE_URL: databaseUrl },
        eventStore: { schema },
      },
      dispose: async () => {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      },
    },
  ];
}
