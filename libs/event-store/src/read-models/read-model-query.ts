import { InvalidArgumentError } from '../event-store.errors.js';
import { assertName } from '../validation.js';
import { serializeDocument } from './json-document.js';

export type ListQuery = {
  where?: Record<string, string | number | boolean>;
  offset?: number;
  limit?: number;
};

export type CheckedListQuery = {
  where: [field: string, value: string | number | boolean][];
  offset: number;
  limit: number | null;
};

const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_ID_LENGTH = 200;

export function assertDocumentKey(collection: string, id: string): void {
  assertName('collection', collection);
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    throw new InvalidArgumentError(`Document id must be 1 to ${MAX_ID_LENGTH} characters`);
  }
}

export function assertFieldName(field: string): void {
  if (typeof field !== 'string' || !FIELD.test(field)) {
    throw new InvalidArgumentError(`Invalid field name ${JSON.stringify(field)}`);
  }
}

/** The documents of a putMany, checked and serialised; a repeated id keeps its last document. */
export function checkDocuments(
  collection: string,
  documents: readonly { id: string; document: unknown }[],
  newerBy: string | undefined,
): { ids: string[]; json: string[] } {
  assertName('collection', collection);
  if (newerBy !== undefined) assertFieldName(newerBy);
  const list: unknown = documents;
  if (!Array.isArray(list)) throw new InvalidArgumentError('documents must be an array');
  const byId = new Map<string, string>();
  for (const { id, document } of documents) {
    assertDocumentKey(collection, id);
    byId.delete(id);
    byId.set(id, serializeDocument(document));
  }
  return { ids: [...byId.keys()], json: [...byId.values()] };
}

/** Field names are identifiers (they end up in a JSON path); values are scalars. */
export function checkListQuery(collection: string, query: ListQuery = {}): CheckedListQuery {
  assertName('collection', collection);
  const where = Object.entries(query.where ?? {});
  for (const [field, value] of where) {
    assertFieldName(field);
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw new InvalidArgumentError(`Filter on ${field} must be a string, number or boolean`);
    }
  }
  const offset = query.offset ?? 0;
  const limit = query.limit ?? null;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new InvalidArgumentError('offset must be an integer >= 0');
  }
  if (limit !== null && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new InvalidArgumentError('limit must be an integer >= 0');
  }
  return { where, offset, limit };
}
