import { createHash } from 'node:crypto';
import compress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DOCS_JSON_PATH } from '../openapi/openapi.js';

/** Smaller answers are sent as they are (compressing them costs more than it saves). */
const COMPRESS_FROM_BYTES = 1024;

/** `"…"` of an answer body: a strong validator of its exact bytes. */
function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether `If-None-Match` names `etag` (or `*`); weak validators compare by their value. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === '*' || candidate === etag);
}

/**
 * The OpenAPI document (`/docs-json`, about 180 KB, fetched by the dashboard on every load) with
 * an ETag and `Cache-Control: no-cache`: a browser revalidates and gets 304 with no body while
 * the document is unchanged. The tag is computed once per document (it changes only on restart).
 */
function docsEtag() {
  let last: { body: string | Buffer; etag: string } | undefined;
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (!(request.url.split('?')[0] ?? '').endsWith(`/${DOCS_JSON_PATH}`)) return payload;
    if (reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload)))
      return payload;
    if (last?.body !== payload) last = { body: payload, etag: etagOf(payload) };
    reply.header('etag', last.etag).header('cache-control', 'no-cache');
    const asked = request.headers['if-none-match'];
    if (!ifNoneMatchHits(Array.isArray(asked) ? asked.join(',') : asked, last.etag)) return payload;
    reply.code(304).removeHeader('content-type').removeHeader('content-length');
    return '';
  };
}

/**
 * Compressed answers (br, gzip or deflate, as the client accepts) for JSON, text, HTML, CSS and
 * scripts of 1 KB and more, and the OpenAPI document cached by ETag. Registered by `configureApp`
 * before any route (the compression hook is added to routes as they are declared).
 * NDJSON (`/audit/verify`) and event streams are left uncompressed so their lines arrive as
 * they are written.
 */
export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', docsEtag());
  await fastify.register(compress, { global: true, threshold: COMPRESS_FROM_BYTES });
}
