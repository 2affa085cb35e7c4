import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from '@jejak/event-store';
import { SELECTION_SUMMARIES, handleCommand, type ProcedureRegistry } from '@jejak/selections';
import { procedures } from '@jejak/workflows';
import { Redis } from 'ioredis';
import {
  aVacancy,
  jptpCommand as c,
  wita,
} from '../../../../workflows/src/jptp-open-selection/testing/jptp-builders.js';
import { jptpScenario } from '../../../../workflows/src/jptp-open-selection/testing/jptp-scenario.js';
import { COMMANDS } from '../commands.js';
import { runCli } from '../run-cli.js';
import { captureIo } from '../testing/capture-io.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const registry = procedures as unknown as ProcedureRegistry;

/** A real embedded store in a temp dir with one JPTP selection and a post becoming vacant. */
async function seed(dataDir: string, selectionId: string): Promise<number> {
  const store = await createEventStore({ kind: 'embedded', path: join(dataDir, 'jejak.db') });
  try {
    let now = new Date();
    const issue = handleCommand({ eventStore: store, procedures: registry, clock: () => now });
    const open = jptpScenario({ vacancies: 1 }).phases.planning[0]!;
    now = new Date(open.metadata.now);
    await issue(
      selectionId,
      { type: open.type, data: { ...open.data, selectionId }, actor: open.metadata.actor },
      { kind: 'jptp-open-selection' },
    );
    const at = wita('2024-04-02');
    for (const command of [
      c('RecordPpkStatus', { status: 'PENJABAT', since: '2023-09-05' }, at),
      c(
        'RegisterVacancy',
        aVacancy(7, { vacancyId: 'v7', status: 'AKAN_LOWONG', tmt: '2024-08-01' }),
        at,
      ),
    ]) {
      now = new Date(command.metadata.now);
      await issue(selectionId, {
        type: command.type,
        data: command.data,
        actor: command.metadata.actor,
      });
    }
    return (await store.readAll()).length;
  } finally {
    await store.close();
  }
}

describe('jejak projections rebuild and reminders rebuild (real embedded store, real Redis)', () => {
  let dataDir: string;
  const selectionId = randomUUID();
  const prefix = `jejak-test-cli-${selectionId.slice(0, 8)}`;
  let events: number;
  const env = () => ({ DATA_DIR: dataDir, REDIS_URL, JWT_SECRET: 'x'.repeat(40) });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jejak-cli-rebuild-'));
    events = await seed(dataDir, selectionId);
  });
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('projections rebuild replays every event into the selection summaries', async () => {
    const io = captureIo(env());
    expect(await runCli(['projections', 'rebuild'], io, COMMANDS)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ events });
    const store = await createEventStore({ kind: 'embedded', path: join(dataDir, 'jejak.db') });
    try {
      await expect(store.readModels.get(SELECTION_SUMMARIES, selectionId)).resolves.toMatchObject(
        { id: selectionId },
      );
    } finally {
      await store.close();
    }
  });

  it('reminders rebuild recomputes the jobs in Redis from the store', async () => {
    const io = captureIo(env());
    expect(await runCli(['reminders', 'rebuild', '--prefix', prefix], io, COMMANDS)).toBe(0);
    const result = JSON.parse(io.out()) as { selections: number; jobs: number };
    expect(result.selections).toBe(1);
    expect(result.jobs).toBeGreaterThan(0);
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}:*${selectionId}*`);
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it('reminders rebuild fails (exit 1) when Redis does not answer', async () => {
    const io = captureIo({ ...env(), REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await runCli(['reminders', 'rebuild', '--prefix', prefix], io, COMMANDS)).toBe(1);
    expect(io.err()).toContain('reminders rebuild failed');
  });

  it('wrong subcommands are usage errors (exit 2)', async () => {
    expect(await runCli(['projections'], captureIo(env()), COMMANDS)).toBe(2);
    expect(await runCli(['reminders', 'redo'], captureIo(env()), COMMANDS)).toBe(2);
  });
});
