import {
  ForbiddenException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  EventStoreUnavailableError,
  InvalidEventError,
  StreamRevisionConflictError,
} from '@jejak/event-store';
import { AuthenticationRequiredError, InvalidTokenError, RoleNotAllowedError } from '@jejak/auth';
import { problemFor } from './problem-mapping.js';
import { ValidationFailedError } from './validation-exception.factory.js';

/** A lib error as the selections lib would throw it: a code and details, no HTTP status. */
class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

describe('problemFor', () => {
  it('maps a lost race (STREAM_REVISION_CONFLICT) to 409 with the current revision and its ETag', () => {
    const answer = problemFor(new StreamRevisionConflictError('selection-x', 3, 4));
    expect(answer).toEqual({
      problem: {
        type: 'urn:jejak:problem:revision-conflict',
        title: 'The selection changed meanwhile',
        status: 409,
        detail: 'Stream selection-x is at revision 4, expected 3',
        currentRevision: 4,
      },
      headers: { etag: 'W/"4"' },
      fault: false,
    });
  });

  it('maps an unreachable store to 503 with Retry-After, not a fault', () => {
    const answer = problemFor(new EventStoreUnavailableError('connection refused'));
    expect(answer.problem).toMatchObject({ status: 503, title: 'Event store unavailable' });
    expect(answer.headers['retry-after']).toBe('5');
    expect(answer.fault).toBe(false);
  });

  it('maps validation to 400 naming every field', () => {
    const errors = [
      { field: 'title', messages: ['title must be a string'] },
      { field: 'vacancies[0].tmt', messages: ['tmt must be a date'] },
    ];
    expect(problemFor(new ValidationFailedError(errors)).problem).toMatchObject({
      type: 'urn:jejak:problem:validation-failed',
      status: 400,
      errors,
    });
  });

  it('maps a missing or bad token to 401 with WWW-Authenticate', () => {
    for (const error of [
      new AuthenticationRequiredError(),
      new InvalidTokenError('the token has expired'),
    ]) {
      const answer = problemFor(error);
      expect(answer.problem).toMatchObject({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
      });
      expect(answer.headers['www-authenticate']).toBe('Bearer realm="jejak"');
    }
  });

  it('maps a role not allowed to 403 listing the allowed roles', () => {
    expect(
      problemFor(new RoleNotAllowedError('AUDITOR', ['PPK'], 'ChooseCandidate')).problem,
    ).toEqual({
      type: 'urn:jejak:problem:role-not-allowed',
      title: 'Role not allowed',
      status: 403,
      detail: 'Role AUDITOR may not ChooseCandidate; allowed: PPK',
      role: 'AUDITOR',
      allowedRoles: ['PPK'],
    });
  });

  it('maps the selections codes: 404, 403, 409 in state or raced, 412 stale, 422 rules and reused keys', () => {
    const cases: [CodedError, number][] = [
      [new CodedError('NOT_FOUND', 'no selection', { selectionId: 'x' }), 404],
      [new CodedError('NOT_FOUND', 'no such command', { commandType: 'Fly' }), 404],
      [
        new CodedError('COMMAND_NOT_ALLOWED_IN_STATE', 'no', {
          state: 'planning',
          acceptedCommands: ['RegisterVacancy'],
        }),
        409,
      ],
      [
        new CodedError('PRECONDITION_FAILED', 'stale', { expectedRevision: 2, currentRevision: 5 }),
        412,
      ],
      [
        new CodedError('RULES_BROKEN', 'broken', {
          violations: [{ rule: 'A-WINDOW', citation: 'c', message: 'm' }],
        }),
        422,
      ],
      [new CodedError('IDEMPOTENCY_KEY_REUSED', 'reused', { idempotencyKey: 'k' }), 422],
      [new CodedError('FORBIDDEN_ROLE', 'no', { role: 'AUDITOR', allowedRoles: ['PPK'] }), 403],
      [new CodedError('CONCURRENT_MODIFICATION', 'raced', { currentRevision: 7 }), 409],
    ];
    for (const [error, status] of cases) {
      const { problem } = problemFor(error);
      expect(problem).toMatchObject({ status, detail: error.message, ...error.details });
    }
    expect(problemFor(cases[3]![0]).headers.etag).toBe('W/"5"');
  });

  it('never lets details override the standard members', () => {
    const { problem } = problemFor(
      new CodedError('RULES_BROKEN', 'broken', { status: 200, type: 'x' }),
    );
    expect(problem).toMatchObject({ status: 422, type: 'urn:jejak:problem:rules-broken' });
  });

  it('maps Nest HTTP exceptions by status, with their extra members', () => {
    expect(problemFor(new NotFoundException('Cannot GET /nope')).problem).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /nope',
    });
    expect(
      problemFor(new ForbiddenException({ message: 'no', allowedRoles: ['PPK'] })).problem,
    ).toMatchObject({ status: 403, detail: 'no', allowedRoles: ['PPK'] });
  });

  it('explains 413 with the limit and 415 with what to send', () => {
    const tooLarge = problemFor(new HttpException('Request body is too large', 413), {
      bodyLimit: 1024,
    });
    expect(tooLarge.problem).toMatchObject({
      status: 413,
      title: 'Payload Too Large',
      limit: 1024,
    });
    expect(problemFor(new HttpException('Unsupported Media Type', 415)).problem.detail).toContain(
      'application/json',
    );
  });

  it('keeps a 503 exception (a health check) as 503', () => {
    const answer = problemFor(
      new ServiceUnavailableException({ status: 'error', details: { store: { status: 'down' } } }),
    );
    expect(answer.problem).toMatchObject({ status: 503, details: { store: { status: 'down' } } });
    expect(answer.fault).toBe(false);
  });

  it('answers anything else with a generic 500 naming the correlation id, and flags it a fault', () => {
    for (const error of [
      new Error('SELECT * FROM secrets failed'),
      new InvalidEventError(0, 'too big'),
      'a string',
    ]) {
      const answer = problemFor(error, { correlationId: 'req-42' });
      expect(answer).toEqual({
        problem: {
          type: 'about:blank',
          title: 'Internal Server Error',
          status: 500,
          detail: 'Something went wrong on our side. Quote req-42 when reporting it.',
          correlationId: 'req-42',
        },
        headers: {},
        fault: true,
      });
    }
  });
});
