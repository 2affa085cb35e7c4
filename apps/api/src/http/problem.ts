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

export const CODE_MAPPINGS: Readonly<Record<string, CodeMapping>> = {
  VALIDATION_FAILED: { status: 400, slug: 'validation-failed', title: 'The request is not valid' },
  AUTHENTICATION_REQUIRED: { status: 401 },
  INVALID_TOKEN: { status: 401 },
  ROLE_NOT_ALLOWED: { status: 403, slug: 'role-not-allowed', title: 'Role not allowed' },
  ROLE_NOT_GRANTED: {
    status: 403,
    slug: 'role-not-granted',
    title: 'Role not granted by the token',
  },
  NOT_FOUND: { status: 404 },
  SELECTION_NOT_FOUND: { status: 404, slug: 'selection-not-found', title: 'No such selection' },
  UNKNOWN_COMMAND: { status: 404, slug: 'unknown-command', title: 'No such command' },
  INVALID_STREAM_ID: { status: 404 },
  NOT_ALLOWED_IN_STATE: {
    status: 409,
    slug: 'not-allowed-in-state',
    title: 'Command not accepted in this state',
  },
  STREAM_REVISION_CONFLICT: {
    status: 409,
    slug: 'revision-conflict',
    title: 'The selection changed meanwhile',
  },
  STALE_REVISION: { status: 412, slug: 'stale-revision', title: 'If-Match is stale' },
  RULES_BROKEN: { status: 422, slug: 'rules-broken', title: 'Rules broken' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    slug: 'idempotency-key-reused',
    title: 'Idempotency-Key reused with another request',
  },
  EVENT_STORE_UNAVAILABLE: {
    status: 503,
    slug: 'store-unavailable',
    title: 'Event store unavailable',
  },
  EVENT_STORE_CLOSED: { status: 503, slug: 'store-unavailable', title: 'Event store unavailable' },
  AUTH_PROVIDER_UNAVAILABLE: {
    status: 503,
    slug: 'identity-provider-unavailable',
    title: 'Identity provider unavailable',
  },
};
