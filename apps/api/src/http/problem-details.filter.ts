import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { languageOf } from '@jejak/workflows';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { problemFor } from './problem-mapping.js';

export type ProblemDetailsOptions = { bodyLimit?: number };

/**
 * The one place errors become HTTP (STYLE.md): every error, thrown anywhere in a request
 * (guards, pipes, handlers, Fastify's parsers), is answered `application/problem+json`. Faults
 * (500) are logged with the request's correlation id; their body holds nothing internal.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly options: ProblemDetailsOptions = {}) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & { correlationId?: string }>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = request.correlationId || undefined;
    const { problem, headers, fault } = problemFor(error, {
      correlationId,
      bodyLimit: this.options.bodyLimit,
      language: languageOf(request.headers['accept-language']),
    });
    if (fault) {
      this.logger.error({
        msg: `${request.method} ${request.url} failed`,
        err: error,
        correlationId,
      });
    }
    if (reply.sent) return;
    void reply.status(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem);
  }
}
