import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { startCheckpointSchedule, type RunningSchedule } from '../checkpoint-scheduler.js';
import type { AuditModuleOptions } from './audit-module.options.js';
import { AUDIT_OPTIONS } from './audit.tokens.js';
import { AuditService } from './audit.service.js';

/** Starts the periodic checkpoints with the app, stops them before the store closes. */
@Injectable()
export class CheckpointLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private schedule: RunningSchedule | null = null;

  constructor(
    @Inject(AUDIT_OPTIONS) private readonly options: AuditModuleOptions,
    private readonly audit: AuditService,
  ) {}

  get mode(): RunningSchedule['mode'] | 'off' {
    return this.schedule?.mode ?? 'off';
  }

  async onApplicationBootstrap(): Promise<void> {
    const { checkpointIntervalMs, redisUrl, redisPrefix, runCheckpointWorker, storeKey } =
      this.options;
    if (checkpointIntervalMs === null) return;
    const last = await this.audit.lastCheckpointTime();
    this.schedule = await startCheckpointSchedule({
      intervalMs: checkpointIntervalMs,
      firstRunAt: (last ?? this.audit.nowMs()) + checkpointIntervalMs,
      ...(redisUrl === undefined ? {} : { redisUrl }),
      ...(redisPrefix === undefined ? {} : { prefix: redisPrefix }),
      ...(storeKey === undefined ? {} : { storeKey }),
      runWorker: runCheckpointWorker ?? true,
      run: () => this.audit.checkpointNow(),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.schedule?.stop();
    this.schedule = null;
  }
}
