import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import {
  RemindersModule,
  parseRemindersConfig,
  type CommandPath,
  type RemindersConfig,
} from '@jejak/reminders';
import { PROCEDURES, SelectionCommands, type ProcedureRegistry } from '@jejak/selections';
import type { ApiConfig } from '../api.config.js';
import { Metrics, runWithCorrelationId } from '../observability/index.js';
import { SelectionsModule } from '../selections/selections.module.js';
import { RemindersController } from './reminders.controller.js';

/** The reminders configuration of the API (parsed in `loadApiConfig`, else from its Redis URL). */
export function remindersConfigOf(config: ApiConfig): RemindersConfig {
  return (
    config.reminders ??
    parseRemindersConfig({ REDIS_URL: config.redisUrl, PUBLIC_BASE_URL: config.publicBaseUrl })
  );
}

/**
 * Reminders in the API. `GET /selections/:id/reminders` always (the records are in the read
 * models whoever fires them). With WORKERS=inline the API also hosts the reminders themselves
 * (scheduler + worker, the same wiring as apps/worker, a private redis-server in embedded mode),
 * `/health` reports them and `configureApp` mounts Bull Board at `/admin/queues` (ADMIN). The selection projections
 * already run here with WORKERS=inline (SelectionsModule), so they are not started again.
 */
@Module({})
export class RemindersApiModule {
  static forRoot(config: ApiConfig): DynamicModule {
    const inline = config.workers === 'inline';
    return {
      module: RemindersApiModule,
      imports: [
        SelectionsModule,
        ...(inline
          ? [
              RemindersModule.forRootAsync({
                imports: [SelectionsModule],
                inject: [SelectionCommands, PROCEDURES, Metrics],
                useFactory: (
                  commands: CommandPath,
                  registry: ProcedureRegistry,
                  metrics: Metrics,
                ) => ({
                  config: remindersConfigOf(config),
                  procedures: registry,
                  commands,
                  metrics,
                  embeddedRedis:
                    (config.eventStore.kind ?? 'embedded') === 'embedded'
                      ? { dir: join(config.dataDir, 'redis') }
                      : null,
                  runInContext: (correlationId, work) =>
                    correlationId === undefined
                      ? work()
                      : runWithCorrelationId(correlationId, work),
                }),
              }),
            ]
          : []),
      ],
      controllers: [RemindersController],
      exports: inline ? [RemindersModule] : [],
    };
  }
}
