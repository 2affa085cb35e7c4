import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import { loadAuditSigner } from '../signing-key.js';
import type { AuditModuleOptions } from './audit-module.options.js';
import { AUDIT_OPTIONS, AUDIT_SIGNER } from './audit.tokens.js';
import { AuditService } from './audit.service.js';
import { CheckpointLifecycle } from './checkpoint-lifecycle.js';

export type AuditModuleAsyncOptions = Pick<ModuleMetadata, 'imports'> & {
  useFactory: (...args: never[]) => AuditModuleOptions | Promise<AuditModuleOptions>;
  inject?: (InjectionToken | OptionalFactoryDependency)[];
};

/**
 * Provides `AuditService` (replay, timeline, verification, exports, checkpoints) and the signing
 * key (`AUDIT_SIGNER`), and runs the periodic signed checkpoints. Needs `EVENT_STORE`
 * (EventStoreModule) in the app.
 */
@Module({})
export class AuditModule {
  static forRoot(options: AuditModuleOptions): DynamicModule {
    return AuditModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: AuditModuleAsyncOptions): DynamicModule {
    return {
      module: AuditModule,
      imports: options.imports ?? [],
      providers: [
        { provide: AUDIT_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        {
          provide: AUDIT_SIGNER,
          useFactory: (o: AuditModuleOptions) =>
            loadAuditSigner({
              dataDir: o.dataDir,
              ...(o.signingKeyPem ? { privateKeyPem: o.signingKeyPem } : {}),
            }),
          inject: [AUDIT_OPTIONS],
        },
        AuditService,
        CheckpointLifecycle,
      ],
      exports: [AuditService, AUDIT_SIGNER, CheckpointLifecycle],
    };
  }
}
