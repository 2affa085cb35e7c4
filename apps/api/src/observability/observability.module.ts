import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { createPino, defaultLogDestination } from './logging/create-pino.js';
import { PinoLoggerService } from './logging/pino-logger.service.js';
import { Metrics } from './metrics/metrics.service.js';
import { ObservabilityLifecycle } from './observability.lifecycle.js';
import {
  LOG_DESTINATION,
  OBSERVABILITY_OPTIONS,
  PINO,
  type LogDestination,
  type ObservabilityOptions,
} from './observability.options.js';

export type ObservabilityModuleAsyncOptions = Pick<ModuleMetadata, 'imports'> & {
  useFactory: (...args: never[]) => ObservabilityOptions | Promise<ObservabilityOptions>;
  inject?: (InjectionToken | OptionalFactoryDependency)[];
};

/**
 * Structured logs, correlation ids and Prometheus metrics. Global: any provider may inject
 * `Metrics`; the app sets `app.useLogger(app.get(PinoLoggerService))` once at bootstrap.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions = {}): DynamicModule {
    return ObservabilityModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: ObservabilityModuleAsyncOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: OBSERVABILITY_OPTIONS,
          useFactory: options.useFactory,
          inject: options.inject ?? [],
        },
        { provide: LOG_DESTINATION, useFactory: () => defaultLogDestination() },
        {
          provide: PINO,
          useFactory: (config: ObservabilityOptions, destination: LogDestination) =>
            createPino({ level: config.logLevel, service: config.service, destination }),
          inject: [OBSERVABILITY_OPTIONS, LOG_DESTINATION],
        },
        {
          provide: PinoLoggerService,
          useFactory: (pino: Logger) => new PinoLoggerService(pino),
          inject: [PINO],
        },
        Metrics,
        ObservabilityLifecycle,
      ],
      exports: [PINO, PinoLoggerService, Metrics],
    };
  }
}
