import { ValidationFailedError } from '../http/validation-exception.factory.js';

/** `ETag: W/"<revision>"` (RFC 9110 weak validator; DESIGN.md "How a command flows"). */
export const etagOf = (revision: number): string => `W/"${revision}"`;

const ETAG = /^(?:W\/)?"(\d{1,15})"$/;
const ETAG_IN_LIST = /(?:W\/)?"(\d{1,15})"/g;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** The revision an `If-Match: W/"<rev>"` pins (undefined when absent; 400 when malformed). */
export function expectedRevisionOf(ifMatch: string | string[] | undefined): number | undefined {
  const value = first(ifMatch)?.trim();
  if (value === undefined || value === '' || value === '*') return undefined;
  const match = ETAG.exec(value);
  if (!match) {
    throw new ValidationFailedError([
      { field: 'If-Match', messages: ['If-Match must be an ETag of this API: W/"<revision>"'] },
    ]);
  }
  return Number(match[1]);
}

/** The `Idempotency-Key` (1 to 200 visible ASCII characters), or undefined; 400 when malformed. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  const value = first(header);
  if (value === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(value)) {
    throw new ValidationFailedError([
      {
        field: 'Idempotency-Key',
        messages: ['Idempotency-Key must be 1 to 200 visible ASCII characters'],
      },
    ]);
  }
  return value;
}

/**
 * Whether `If-None-Match` names the revision's ETag (weak comparison, RFC 9110 13.1.2: `W/"5"`
 * and `"5"` both match revision 5; `*` matches any existing selection). Anything unreadable
 * matches nothing: the full response is sent.
 */
export function noneMatchHas(
  ifNoneMatch: string | string[] | undefined,
  revision: number,
): boolean {
  const value = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch;
  if (value === undefined) return false;
  if (value.trim() === '*') return true;
  for (const match of value.matchAll(ETAG_IN_LIST)) {
    if (Number(match[1]) === revision) return true;
  }
  return false;
}

/**
 * `Cache-Control` of a selection's detail: its commands depend on the caller's role and its
 * deadlines on the clock, so browsers keep no copy to revalidate on their own (the dashboard sees
 * every change); clients that keep the ETag themselves send `If-None-Match` and get 304.
 */
export const NO_STORE = 'no-store';
