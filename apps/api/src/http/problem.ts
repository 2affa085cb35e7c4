import { STATUS_CODES } from 'node:http';

/** RFC 9457 problem details, with extension members. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable problem type URIs for jejak's own problems; plain HTTP ones are `about:blank`. */
export const problemType = (slug: string): string => `urn:jejak:problem:${slug}`;

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** What a lib error `code` means over HTTP (STYLE.md, Errors and validation). */
export type CodeMapping = { status: number; slug?: string; title?: string };

/**
 * Every lib error code the API answers, by lib. A code not listed here is a fault: 500, logged.
 * Extension members come from the error's `details` (see problem-mapping.ts).
 */
export const CODE_MAPPINGS: Readonly<Record<string, CodeMapping>> = {
  // apps/api: the ValidationPipe's exception factory
  VALIDATION_FAILED: { status: 400, slug: 'validation-failed', title: 'The request is not valid' },
  // @jejak/auth
  AUTHENTICATION_REQUIRED: { status: 401 },
  INVALID_TOKEN: { status: 401 },
  ROLE_NOT_ALLOWED: { status: 403, slug: 'role-not-allowed', title: 'Role not allowed' },
  ROLE_NOT_GRANTED: {
    status: 403,
    slug: 'role-not-granted',
    title: 'Role not granted by the token',
  },
  AUTH_PROVIDER_UNAVAILABLE: {
    status: 503,
    slug: 'identity-provider-unavailable',
    title: 'Identity provider unavailable',
  },
  // @jejak/selections
  NOT_FOUND: { status: 404 },
  FORBIDDEN_ROLE: { status: 403, slug: 'role-not-allowed', title: 'Role not allowed' },
  COMMAND_NOT_ALLOWED_IN_STATE: {
    status: 409,
    slug: 'not-allowed-in-state',
    title: 'Command not accepted in this state',
  },
  CONCURRENT_MODIFICATION: {
    status: 409,
    slug: 'revision-conflict',
    title: 'The selection changed meanwhile',
  },
  PRECONDITION_FAILED: { status: 412, slug: 'stale-revision', title: 'If-Match is stale' },
  RULES_BROKEN: { status: 422, slug: 'rules-broken', title: 'Rules broken' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    slug: 'idempotency-key-reused',
    title: 'Idempotency-Key reused with another request',
  },
  // @jejak/audit
  SELECTION_NOT_FOUND: { status: 404 },
  INVALID_AUDIT_QUERY: { status: 400, slug: 'invalid-audit-query', title: 'Invalid audit query' },
  // @jejak/reminders
  REMINDERS_PAUSED: { status: 503, slug: 'reminders-paused', title: 'Reminders are paused' },
  // @jejak/event-store
  STREAM_REVISION_CONFLICT: {
    status: 409,
    slug: 'revision-conflict',
    title: 'The selection changed meanwhile',
  },
  INVALID_STREAM_ID: { status: 404 },
  EVENT_STORE_UNAVAILABLE: {
    status: 503,
    slug: 'store-unavailable',
    title: 'Event store unavailable',
  },
  EVENT_STORE_CLOSED: { status: 503, slug: 'store-unavailable', title: 'Event store unavailable' },
  // @jejak/documents (evidence files)
  DOCUMENT_TOO_LARGE: { status: 413, slug: 'document-too-large', title: 'File too large' },
  DOCUMENT_TYPE_NOT_ACCEPTED: {
    status: 415,
    slug: 'document-type-not-accepted',
    title: 'Only PDF, PNG and JPEG files',
  },
  DOCUMENT_UPLOAD_NOT_MULTIPART: {
    status: 415,
    slug: 'document-not-multipart',
    title: 'Send the file as multipart/form-data',
  },
  DOCUMENT_NOT_FOUND: { status: 404 },
  DOCUMENT_ALTERED: { status: 500, slug: 'document-altered', title: 'Stored file altered' },
};
