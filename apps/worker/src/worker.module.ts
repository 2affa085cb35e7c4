import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule, storeKeyOf } from '@jejak/audit';
import { EventStoreModule } from '@jejak/event-store';
import { RemindersModule, type CommandPath } from '@jejak/reminders';
import {
  PROCEDURES,
  SelectionCommands,
  SelectionsCoreModule,
  type ProcedureRegistry,
} from '@jejak/selections';
import { procedures } from '@jejak/workflows';
import {
  Metrics,
  ObservabilityModule,
  runWithCorrelationId,
} from '../../api/src/observability/index.js';
import type { WorkerConfig } from './worker.config.js';

/**
 * The worker: no HTTP (metrics and /health on METRICS_PORT only). It follows the event store to
 * keep the read models (selection summaries) and the reminder jobs in step, and fires the jobs:
 * reminders, escalations, and the time-driven commands SYSTEM issues.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    const { api } = config;
    const selections = SelectionsCoreModule.forRoot({
      procedures,
      membershipCheck: api.membershipCheck,
      runProjections: true,
    });
    return {
      module: WorkerModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'jejak-worker',
          logLevel: api.logLevel,
          ...(api.metricsToken === undefined ? {} : { metricsToken: api.metricsToken }),
          ...(api.metricsPort === undefined ? {} : { metricsPort: api.metricsPort }),
          metricsHost: api.host,
        }),
        EventStoreModule.forRoot(api.eventStore),
        selections,
        // Works the periodic signed checkpoints (the API only keeps the schedule unless inline).
        AuditModule.forRoot({
          procedures,
          dataDir: api.dataDir,
          ...(api.audit.signingKeyPem === undefined
            ? {}
            : { signingKeyPem: api.audit.signingKeyPem }),
          ...(api.audit.trustedPublicKeys === undefined
            ? {}
            : { trustedPublicKeys: api.audit.trustedPublicKeys }),
          checkpointIntervalMs: api.audit.checkpointIntervalMs,
          redisUrl: api.redisUrl,
          storeKey: storeKeyOf(api.eventStore),
        }),
        RemindersModule.forRootAsync({
          imports: [selections],
          inject: [SelectionCommands, PROCEDURES, Metrics],
          useFactory: (commands: CommandPath, registry: ProcedureRegistry, metrics: Metrics) => ({
            config: config.reminders,
            procedures: registry,
            commands,
            metrics,
            embeddedRedis:
              config.embeddedRedisDir === null ? null : { dir: config.embeddedRedisDir },
            runInContext: (correlationId, work) =>
              correlationId === undefined ? work() : runWithCorrelationId(correlationId, work),
          }),
        }),
      ],
    };
  }
}
