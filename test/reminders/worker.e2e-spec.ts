import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { rebuildRemindersOnce, RemindersService } from '@jejak/reminders';
import { SelectionCommands } from '@jejak/selections';
import { procedures, type Actor } from '@jejak/workflows';
import {
  EVENT_STORE,
  READ_MODEL_STORE,
  waitFor,
  type EventStore,
  type ReadModelStore,
} from '@jejak/event-store';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** This file's jobs only: test files run in parallel on one Redis. */
const REMINDER_QUEUE_PREFIX = `jejak-test-worker-${randomUUID().slice(0, 8)}`;
const SEKRETARIAT: Actor = { sub: 'sek-1', name: 'Sekretariat Pansel', role: 'SEKRETARIAT' };

describe('apps/worker: the Nest application context without HTTP', () => {
  let dataDir: string;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jejak-worker-'));
    const config = loadWorkerConfig({
      DATA_DIR: dataDir,
      REDIS_URL,
      REMINDER_QUEUE_PREFIX,
      LOG_LEVEL: 'warn',
    });
    moduleRef = await Test.createTestingModule({
      imports: [WorkerModule.forRoot(config)],
    }).compile();
    await moduleRef.init();
  });
  afterAll(async () => {
    await moduleRef.close();
    rmSync(dataDir, { recursive: true, force: true });
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${REMINDER_QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('runs reminders on the configured Redis and schedules what a command makes due', async () => {
    const reminders = moduleRef.get(RemindersService);
    expect(reminders.status()).toMatchObject({
      state: 'active',
      worker: true,
      redis: { embedded: false },
    });
    expect(reminders.runtime.prefix).toBe(REMINDER_QUEUE_PREFIX);
    const commands = moduleRef.get(SelectionCommands);
    const opened = await commands.open(
      'jptp-open-selection',
      { title: 'Seleksi uji worker' },
      SEKRETARIAT,
    );
    const id = opened.selectionId;
    await commands.execute(id, {
      type: 'RegisterVacancy',
      data: {
        vacancyId: 'v1',
        title: 'Kepala Dinas Uji',
        unit: 'Dinas Uji',
        eselon: 'II.b',
        status: 'AKAN_LOWONG',
        tmt: '2099-08-01',
      },
      actor: SEKRETARIAT,
    });
    await waitFor(
      async () => (await reminders.runtime.jobsOf(id)).length === 3,
      'the TMT reminders',
      10_000,
    );
    expect((await reminders.runtime.jobsOf(id)).map((j) => j.data.offset).sort()).toEqual([
      '1d',
      '3d',
      'overdue',
    ]);

    const rebuilt = await rebuildRemindersOnce({
      eventStore: moduleRef.get<EventStore>(EVENT_STORE),
      readModels: moduleRef.get<ReadModelStore>(READ_MODEL_STORE),
      procedures: procedures,
      config: loadWorkerConfig({ DATA_DIR: dataDir, REDIS_URL, REMINDER_QUEUE_PREFIX }).reminders,
    });
    expect(rebuilt.selections).toBeGreaterThanOrEqual(1);

    const ppk: Actor = { sub: 'ppk-1', name: 'Gubernur', role: 'PPK' };
    await commands.execute(id, { type: 'CancelSelection', data: { reason: 'uji' }, actor: ppk });
    await waitFor(
      async () => (await reminders.runtime.jobsOf(id)).length === 0,
      'the jobs to go',
      10_000,
    );
  }, 30_000);
});
