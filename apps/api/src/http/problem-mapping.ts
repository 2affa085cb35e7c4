import { HttpException } from '@nestjs/common';
import { DEFAULT_LANGUAGE, localizeViolation, type Language, type Violation } from '@jejak/workflows';
import {
  CODE_MAPPINGS,
  problemType,
  statusTitle,
  type CodeMapping,
  type Problem,
} from './problem.js';

/** How an error is answered: the problem, extra headers, and whether it is a fault to log. */
export type ProblemAnswer = { problem: Problem; headers: Record<string, string>; fault: boolean };

export type ProblemContext = {
  correlationId?: string;
  bodyLimit?: number;
  /** The reader's language (from `Accept-Language`) for rule messages; Indonesian by default. */
  language?: Language;
};

type CodedError = Error & { code: string; details?: unknown };

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance']);

/** Client errors, and 503 (an outage of something we depend on), keep their status. */
const answeredAsIs = (status: number): boolean => (status >= 400 && status < 500) || status === 503;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isCoded(error: unknown): error is CodedError {
  return (
    error instanceof Error &&
    typeof (error as Partial<CodedError>).code === 'string' &&
    (error as CodedError).code in CODE_MAPPINGS
  );
}

/** Extension members from an error's `details` (never overriding the standard members). */
function extensions(details: unknown): Record<string, unknown> {
  if (!isPlainObject(details)) return {};
  return Object.fromEntries(Object.entries(details).filter(([key]) => !RESERVED.has(key)));
}

function build(mapping: CodeMapping, detail: string, members: Record<string, unknown>): Problem {
  return {
    type: mapping.slug === undefined ? 'about:blank' : problemType(mapping.slug),
    title: mapping.title ?? statusTitle(mapping.status),
    status: mapping.status,
    detail,
    ...members,
  };
}

function headersFor(problem: Problem): Record<string, string> {
  const headers: Record<string, string> = {};
  if (problem.status === 401) headers['www-authenticate'] = 'Bearer realm="jejak"';
  if (problem.status === 503) headers['retry-after'] = '5';
  if (Array.isArray(problem.violations)) headers.vary = 'Accept-Language';
  if (typeof problem.currentRevision === 'number') {
    headers.etag = `W/"${problem.currentRevision}"`;
  }
  return headers;
}

/** Each violation's message in `language`, from the catalogue (docs/domain.md, rule messages). */
function localizedViolations(members: Record<string, unknown>, language: Language): void {
  if (!Array.isArray(members.violations)) return;
  members.violations = (members.violations as Violation[]).map((violation) =>
    localizeViolation(violation, language),
  );
}

function fromCoded(error: CodedError, context: ProblemContext): Problem {
  const mapping = CODE_MAPPINGS[error.code] as CodeMapping;
  const members = extensions(error.details);
  if (error.code === 'RULES_BROKEN') {
    localizedViolations(members, context.language ?? DEFAULT_LANGUAGE);
  }
  if (error.code === 'STREAM_REVISION_CONFLICT') {
    const actual = (error as CodedError & { actual?: number | null }).actual;
    members.currentRevision = actual ?? null;
  }
  return build(mapping, error.message, members);
}

function fromHttpException(exception: HttpException, context: ProblemContext): Problem {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const body = isPlainObject(response) ? response : { message: response };
  const { message, error: _error, statusCode: _statusCode, ...rest } = body;
  let detail = Array.isArray(message)
    ? message.map(String).join('; ')
    : typeof message === 'string'
      ? message
      : exception.message || statusTitle(status);
  const members = extensions(rest);
  if (status === 413 && context.bodyLimit !== undefined) {
    detail = `The body is larger than the limit of ${context.bodyLimit} bytes`;
    members.limit = context.bodyLimit;
  }
  if (status === 415) detail = 'Send the body as JSON with Content-Type: application/json';
  return build({ status }, detail, members);
}

/** A fault: a generic body (no internals), the correlation id to find the log line. */
function internal(context: ProblemContext): Problem {
  const detail =
    context.correlationId === undefined
      ? 'Something went wrong on our side.'
      : `Something went wrong on our side. Quote ${context.correlationId} when reporting it.`;
  return {
    ...build({ status: 500 }, detail, {}),
    ...(context.correlationId === undefined ? {} : { correlationId: context.correlationId }),
  };
}

/**
 * Maps any thrown value to an RFC 9457 problem: lib errors by their `code` (CODE_MAPPINGS, with
 * `details` as extension members), Nest `HttpException`s (4xx, including the ones the Fastify
 * adapter makes of 413 and 415, and 503) by their status, and everything else to a generic 500
 * (a fault, to be logged).
 */
export function problemFor(error: unknown, context: ProblemContext = {}): ProblemAnswer {
  let problem: Problem;
  if (isCoded(error)) problem = fromCoded(error, context);
  else if (error instanceof HttpException && answeredAsIs(error.getStatus())) {
    problem = fromHttpException(error, context);
  } else problem = internal(context);
  // 503 is an outage of something we depend on, reported as such; every other 5xx is a fault.
  const fault = problem.status >= 500 && problem.status !== 503;
  return { problem, headers: headersFor(problem), fault };
}
