import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, waitFor, type OpenedEventStore } from '@jejak/event-store';
import { Redis } from 'ioredis';
import {
  LogNotifier,
  RemindersRuntime,
  commandPathIssuer,
  parseReminderOffsets,
  selectionReaderFromStore,
  type Notifier,
  type RemindersRuntimeOptions,
} from '@jejak/reminders';
import { handleCommand, type ProcedureRegistry } from '@jejak/selections';
import type { Actor } from '@jejak/workflows';
import { REGISTRATION_KIND, registrationProcedure } from './registration-procedure.js';

export const SEKRETARIAT: Actor = { sub: 'sek-1', name: 'Sekretariat Pansel', role: 'SEKRETARIAT' };

/** A clock `skewMs` ahead of real time: compressed time lets BullMQ's real delays stay short. */
export function skewedClock(pretendNow: string): () => Date {
  const skew = Date.parse(pretendNow) - Date.now();
  return () => new Date(Date.now() + skew);
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/**
 * A real embedded store in a temporary directory, the real command path (handleCommand) on the
 * test procedure, and a reminders runtime on a real Redis with a prefix of its own.
 */
export async function createHarness(options: {
  redisUrl: string;
  clock: () => Date;
  offsets?: string;
  notifiers?: Notifier[];
  runWorker?: boolean;
  procedures?: ProcedureRegistry;
  extra?: Partial<RemindersRuntimeOptions>;
}) {
  const directory = mkdtempSync(join(tmpdir(), 'jejak-reminders-'));
  const store: OpenedEventStore = await createEventStore({
    kind: 'embedded',
    path: join(directory, 'jejak.db'),
    subscriptions: { pollIntervalMs: 10, retryInitialMs: 20, retryMaxMs: 200 },
  });
  const procedures = options.procedures ?? { [REGISTRATION_KIND]: registrationProcedure };
  const handle = handleCommand({ eventStore: store, procedures, clock: options.clock });
  const commands = { execute: handle };
  const prefix = `jejak-test-${randomUUID().slice(0, 8)}`;
  const runtime = new RemindersRuntime({
    eventStore: store,
    readModels: store.readModels,
    reader: selectionReaderFromStore(store, procedures),
    issuer: commandPathIssuer(commands),
    redisUrl: options.redisUrl,
    prefix,
    offsets: parseReminderOffsets(options.offsets ?? '3d,1d,overdue'),
    lang: 'id',
    publicBaseUrl: 'https://jejak.example.org',
    notifiers: options.notifiers ?? [new LogNotifier()],
    jobs: { attempts: 3, backoffMs: 50 },
    clock: options.clock,
    runWorker: options.runWorker ?? true,
    reconnectIntervalMs: 100,
    ...options.extra,
  });

  const open = async (data: {
    title?: string;
    registrationEndsAt: string;
    plannedInterviewAt?: string;
  }) => {
    const selectionId = randomUUID();
    await handle(
      selectionId,
      {
        type: 'OpenSelection',
        data: { title: 'Seleksi Terbuka JPTP NTT 2024', ...data, selectionId },
        actor: SEKRETARIAT,
      },
      { kind: REGISTRATION_KIND, correlationId: `req-${selectionId.slice(0, 8)}` },
    );
    return selectionId;
  };
  const command = (selectionId: string, type: string, data: Record<string, unknown> = {}) =>
    handle(selectionId, { type, data, actor: SEKRETARIAT });

  return {
    store,
    runtime,
    prefix,
    open,
    command,
    /** Waits until the scheduler's subscription has handled every event appended so far. */
    caughtUp: async (timeoutMs = 10_000) => {
      const head = (await store.readAll()).at(-1)?.globalPosition ?? 0;
      await waitFor(
        () => (runtime.status().scheduler?.checkpoint ?? -1) >= head,
        'the scheduler to catch up',
        timeoutMs,
      );
    },
    dispose: async () => {
      await runtime.stop();
      const redis = new Redis(options.redisUrl, { lazyConnect: true, retryStrategy: () => null });
      redis.on('error', () => undefined);
      try {
        await redis.connect();
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      } catch {
        // the test's own Redis may be gone already
      } finally {
        redis.disconnect();
      }
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
