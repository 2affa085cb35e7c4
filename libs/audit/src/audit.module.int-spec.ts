import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EVENT_STORE, EventStoreModule, waitFor, type EventStore } from '@jejak/event-store';
import type { CheckpointRun } from './checkpoint-all.js';
import {
  CHECKPOINT_QUEUE,
  CHECKPOINT_SCHEDULER_ID,
  startCheckpointSchedule,
} from './checkpoint-scheduler.js';
import { CHECKPOINT_STREAM } from './checkpoint-stream.js';
import { AuditModule } from './nest/audit.module.js';
import { AuditService } from './nest/audit.service.js';
import { CheckpointLifecycle } from './nest/checkpoint-lifecycle.js';
import { SIGNING_KEY_FILE } from './signing-key.js';
import { aSampleSelection } from './testing/sample-selection.js';
import { sampleProcedures } from './testing/sample-procedure.js';

const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const directory = mkdtempSync(join(tmpdir(), 'jejak-audit-module-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const emptyRun = (): Promise<CheckpointRun> =>
  Promise.resolve({ checkpointedAt: '', checkpointed: [], refused: [], lostRace: false });

describe('startCheckpointSchedule', () => {
  it('keeps one BullMQ job scheduler however many instances start, and works its jobs', async () => {
    const prefix = `jejak-audit-${randomBytes(4).toString('hex')}`;
    let runs = 0;
    const run = () => {
      runs += 1;
      return emptyRun();
    };
    const day = 86_400_000;
    const first = await startCheckpointSchedule({
      intervalMs: day,
      firstRunAt: Date.now(),
      redisUrl,
      prefix,
      run,
    });
    // A restart a moment later must not postpone the schedule by a day.
    const second = await startCheckpointSchedule({
      intervalMs: day,
      firstRunAt: Date.now() + day,
      redisUrl,
      prefix,
      run,
      runWorker: false,
    });
    expect([first.mode, second.mode]).toEqual(['bullmq', 'bullmq']);
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(CHECKPOINT_QUEUE, { connection, prefix });
    try {
      expect(await queue.getJobSchedulers()).toEqual([
        expect.objectContaining({ key: CHECKPOINT_SCHEDULER_ID, every: day }),
      ]);
      await waitFor(() => runs === 1, 'the first scheduled checkpoint job');
      const [next] = await queue.getJobs(['delayed']);
      expect(next!.timestamp + next!.opts.delay! - Date.now()).toBeGreaterThan(day - 60_000);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  });

  it('first runs one interval after the last checkpoint', async () => {
    const prefix = `jejak-audit-${randomBytes(4).toString('hex')}`;
    const inAnHour = Date.now() + 3_600_000;
    const schedule = await startCheckpointSchedule({
      intervalMs: 86_400_000,
      firstRunAt: inAnHour,
      redisUrl,
      prefix,
      run: emptyRun,
    });
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(CHECKPOINT_QUEUE, { connection, prefix });
    try {
      const [job] = await queue.getJobs(['delayed']);
      expect(Math.abs(job!.timestamp + job!.opts.delay! - inAnHour)).toBeLessThan(1_000);
    } finally {
      await schedule.stop();
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  });

  it('falls back to a plain timer when Redis does not answer', async () => {
    let runs = 0;
    const schedule = await startCheckpointSchedule({
      intervalMs: 20,
      firstRunAt: Date.now(),
      redisUrl: 'redis://127.0.0.1:1',
      run: () => {
        runs += 1;
        return emptyRun();
      },
    });
    try {
      expect(schedule.mode).toBe('interval');
      await waitFor(() => runs >= 2, 'two timer runs');
    } finally {
      await schedule.stop();
    }
  });
});

describe('AuditModule', () => {
  it('generates its key in DATA_DIR, serves the audit functions and checkpoints on a timer', async () => {
    const dataDir = join(directory, 'data');
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventStoreModule.forRoot({ kind: 'embedded', path: join(dataDir, 'jejak.db') }),
        AuditModule.forRoot({ procedures: sampleProcedures, dataDir, checkpointIntervalMs: 20 }),
      ],
    }).compile();
    const app = await moduleRef.init();
    try {
      const store = app.get<EventStore>(EVENT_STORE);
      const audit = app.get(AuditService);
      expect(app.get(CheckpointLifecycle).mode).toBe('interval');
      expect(statSync(join(dataDir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(audit.publicKey()).toMatchObject({
        algorithm: 'Ed25519',
        publicKeyPem: expect.stringContaining('PUBLIC KEY'),
      });
      const id = await aSampleSelection(store);
      await waitFor(
        async () => (await store.streamRevision(CHECKPOINT_STREAM)) !== null,
        'a timed checkpoint',
      );
      expect(await audit.verify(id)).toMatchObject({ ok: true, checkpointsChecked: 1 });
      expect((await audit.timeline(id)).entries).toHaveLength(5);
      expect(await audit.replay(id, { revision: 0 })).toMatchObject({ state: 'open' });
    } finally {
      await app.close();
    }
  });
});
