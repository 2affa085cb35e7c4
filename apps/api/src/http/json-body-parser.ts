import type { FastifyInstance } from 'fastify';
import { inputLimitError, jsonShapeViolation } from '../security/input-limits.js';

/**
 * The app's only body parser: JSON up to `bodyLimit` bytes (413 above), with Fastify's secure
 * parser (prototype poisoning rejected, 400 on malformed JSON), after the depth and member-count
 * limits (`INPUT_LIMITS`, 400 naming the limit). Every other content type,
 * `text/plain` and forms included, has no parser and is answered 415. Needs the app created with
 * `bodyParser: false`, so Nest does not register its own parsers.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      // Depth and member count first, on the raw text: a deep body is refused before it is built.
      const text = typeof body === 'string' ? body : body.toString('utf8');
      const violation = jsonShapeViolation(text);
      if (violation) return done(inputLimitError(violation), undefined);
      return parseJson(request, text, done);
    },
  );
}
