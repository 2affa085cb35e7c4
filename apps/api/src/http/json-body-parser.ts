import type { FastifyInstance } from 'fastify';

/**
 * The app's only body parser: JSON up to `bodyLimit` bytes (413 above), with Fastify's secure
 * parser (prototype poisoning rejected, 400 on malformed JSON). Every other content type,
 * `text/plain` and forms included, has no parser and is answered 415. Needs the app created with
 * `bodyParser: false`, so Nest does not register its own parsers.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    fastify.getDefaultJsonParser('error', 'error'),
  );
}
