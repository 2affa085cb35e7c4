import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiConfig } from './api.config.js';
import { ApiModule, type ApiModuleOptions } from './api.module.js';
import { registerCompression } from './http/compression.js';
import { registerDocumentUploads } from './documents/register-uploads.js';
import { registerJsonBodyParser } from './http/json-body-parser.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { validationExceptionFactory } from './http/validation-exception.factory.js';
import { PinoLoggerService } from './observability/index.js';
import { setupOpenApi } from './openapi/openapi.js';
import { hardenHttp, serverOptions } from './security/harden-http.js';
import { mountReminderBoardIfHosted } from './reminders/reminder-board.js';

export const API_VERSION = '0.1.0';

/** The Fastify adapter the API runs on (tests that build their own module use it too). */
export function createFastifyAdapter(config: ApiConfig): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: config.bodyLimit, ...serverOptions(config) });
}

/**
 * Nest application options of the API: our own JSON parser only (415 for anything else), logs
 * buffered until pino takes over, new requests answered 503 while shutting down, and boot
 * errors thrown rather than exiting the process.
 */
export const APP_OPTIONS = {
  bodyParser: false,
  bufferLogs: true,
  return503OnClosing: true,
  // Throw instead of exiting the process, so a caller (main, a test) sees the error.
  abortOnError: false,
};

/**
 * Everything between creating the app and listening, shared by `createApp` and tests that build
 * the app from their own testing module: logger, body parser, validation, problem details,
 * OpenAPI, init, and Fastify ready (before that, supertest requests hang).
 */
export async function configureApp(
  app: NestFastifyApplication,
  config: ApiConfig,
): Promise<NestFastifyApplication> {
  app.useLogger(app.get(PinoLoggerService));
  registerJsonBodyParser(app.getHttpAdapter().getInstance(), config.bodyLimit);
  await registerCompression(app); // br/gzip answers, /docs-json by ETag (http/compression.ts)
  await registerDocumentUploads(app, config); // multipart for POST /documents only
  await hardenHttp(app, config); // query limits, rate limits, the verification cap
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter({ bodyLimit: config.bodyLimit }));
  setupOpenApi(app, API_VERSION);
  await app.init();
  await mountReminderBoardIfHosted(app); // Bull Board (ADMIN), with WORKERS=inline
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * The API application, initialised and ready (not listening): `main.ts` listens on it, tests
 * hand `app.getHttpServer()` to supertest. The caller closes it.
 */
export async function createApp(
  config: ApiConfig,
  options: ApiModuleOptions = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config, options),
    createFastifyAdapter(config),
    APP_OPTIONS,
  );
  try {
    return await configureApp(app, config);
  } catch (error) {
    await app.close();
    throw error;
  }
}
