import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '@jejak/auth';
import { EventStoreModule } from '@jejak/event-store';
import { ApiConfig } from './api.config.js';
import { AuditApiModule } from './audit/audit-api.module.js';
import { tokenTrustFrom } from './auth/token-trust.js';
import { ApiConfigModule } from './config/api-config.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { DocumentsApiModule } from './documents/documents-api.module.js';
import { HealthModule } from './health/health.module.js';
import { HttpPlatformModule } from './http/http.module.js';
import { ObservabilityModule } from './observability/index.js';
import { RemindersApiModule } from './reminders/reminders-api.module.js';
import { SelectionsModule } from './selections/selections.module.js';
import { monotonicClock } from './security/monotonic-clock.js';
import { SecurityModule } from './security/security.module.js';

export type ApiModuleOptions = {
  /** More modules in the same app (tests: a probe controller; hosts: the workers inline). */
  imports?: ModuleMetadata['imports'];
};

/**
 * The API: lib modules configured from `ApiConfig`, then the feature modules. No providers of its
 * own logic. `createApp(config)` builds the app from `ApiModule.forRoot(config)`; tests may use
 * it with `Test.createTestingModule` too.
 */
@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig, options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApiConfigModule.forRoot(config),
        DiscoveryModule,
        ObservabilityModule.forRootAsync({
          inject: [ApiConfig],
          useFactory: (c: ApiConfig) => ({
            service: 'jejak-api',
            logLevel: c.logLevel,
            metricsToken: c.metricsToken,
            metricsPort: c.metricsPort,
            metricsHost: c.host,
          }),
        }),
        EventStoreModule.forRootAsync({
          inject: [ApiConfig],
          // recordedAt never goes backwards when the server's clock steps back.
          useFactory: (c: ApiConfig) => ({ clock: monotonicClock(), ...c.eventStore }),
        }),
        AuthModule.forRootAsync({
          inject: [ApiConfig],
          useFactory: (c: ApiConfig) => tokenTrustFrom(c.auth),
        }),
        HttpPlatformModule,
        HealthModule,
        SelectionsModule,
        AuditApiModule,
        DocumentsApiModule,
        DashboardModule,
        RemindersApiModule.forRoot(config),
        SecurityModule,
        ...(options.imports ?? []),
      ],
    };
  }
}
