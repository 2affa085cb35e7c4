import { Module } from '@nestjs/common';
import { AuditModule, storeKeyOf } from '@jejak/audit';
import { procedures } from '@jejak/workflows';
import { ApiConfig } from '../api.config.js';
import { AuditController } from './audit.controller.js';

/**
 * The audit routes, on AuditModule configured from ApiConfig. The API works the periodic
 * checkpoint jobs itself when it hosts the workers (WORKERS=inline); otherwise it only keeps the
 * shared schedule and the worker process works them.
 */
@Module({
  imports: [
    AuditModule.forRootAsync({
      inject: [ApiConfig],
      useFactory: (c: ApiConfig) => ({
        procedures,
        dataDir: c.dataDir,
        ...(c.audit.signingKeyPem === undefined ? {} : { signingKeyPem: c.audit.signingKeyPem }),
        ...(c.audit.trustedPublicKeys === undefined
          ? {}
          : { trustedPublicKeys: c.audit.trustedPublicKeys }),
        checkpointIntervalMs: c.audit.checkpointIntervalMs,
        redisUrl: c.redisUrl,
        storeKey: storeKeyOf(c.eventStore),
        runCheckpointWorker: c.workers === 'inline',
      }),
    }),
  ],
  controllers: [AuditController],
})
export class AuditApiModule {}
