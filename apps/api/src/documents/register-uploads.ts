import fastifyMultipart from '@fastify/multipart';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiConfig } from '../api.config.js';

/** The one route that takes a multipart body. */
export const UPLOAD_ROUTE = '/documents';

/**
 * Multipart bodies for POST /documents only (streamed: the file is read as it arrives, one file
 * of at most DOCUMENT_MAX_BYTES); every other route keeps answering a form with 415.
 */
export async function registerDocumentUploads(
  app: NestFastifyApplication,
  config: ApiConfig,
): Promise<void> {
  await app.register(fastifyMultipart, {
    // One byte over the limit reaches the store, which refuses the file (413) and keeps nothing.
    limits: { fileSize: config.documentMaxBytes + 1, files: 1, fields: 4, fieldSize: 1024 },
    throwFileSizeLimit: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preValidation', (request, _reply, done) => {
    const elsewhere = request.isMultipart() && request.routeOptions.url !== UPLOAD_ROUTE;
    done(elsewhere ? new UnsupportedMediaTypeException() : undefined);
  });
}
