import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoLoggerService } from '../../api/src/observability/index.js';
import { readWorkerConfig } from './worker.config.js';
import { WorkerModule } from './worker.module.js';

const logger = new Logger('Worker');

/** Bootstrap only: config, a Nest application context (no HTTP), graceful shutdown. */
async function bootstrap(): Promise<void> {
  const config = readWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLoggerService));
  // On a signal: the job in hand finishes, subscriptions stop, then the store closes.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  logger.log(`jejak worker running (event store ${config.api.eventStore.kind ?? 'embedded'})`);
}

bootstrap().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
