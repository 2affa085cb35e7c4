import { SelectionNotFoundError } from '@jejak/selections';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A selection id from the path: a UUID (any case), else no such selection (404). */
export function selectionIdParam(id: string): string {
  const normalized = id.toLowerCase();
  if (!UUID.test(normalized)) throw new SelectionNotFoundError(id);
  return normalized;
}
