import type Database from 'better-sqlite3';
import type { EventStoreError } from '../event-store.errors.js';
import type { PutManyOptions, ReadModelDocument, ReadModelStore } from '../event-store.port.js';
import { serializeDocument } from '../read-models/json-document.js';
import {
  assertDocumentKey,
  checkDocuments,
  checkListQuery,
  type ListQuery,
} from '../read-models/read-model-query.js';
import { translated } from '../stores.js';
import { assertName } from '../validation.js';

type Filter = { sql: string; params: (string | number)[] };

/** `json_type` keeps filters typed: the string "1" never matches the number 1. */
function filterFor(field: string, value: string | number | boolean): Filter {
  const path = `$."${field}"`;
  if (typeof value === 'boolean') {
    return { sql: 'json_type(document, ?) = ?', params: [path, value ? 'true' : 'false'] };
  }
  const types = typeof value === 'string' ? `('text')` : `('integer', 'real')`;
  return {
    sql: `json_type(document, ?) IN ${types} AND json_extract(document, ?) = ?`,
    params: [path, path, value],
  };
}

/** Read-model documents in the same SQLite file as the events (table `jejak_documents`). */
export class SqliteReadModelStore implements ReadModelStore {
  constructor(
    private readonly db: Database.Database,
    private readonly translate: (error: unknown) => EventStoreError,
  ) {}

  async get<T>(collection: string, id: string): Promise<T | null> {
    assertDocumentKey(collection, id);
    const row = await translated(this.translate, () =>
      this.db
        .prepare<[string, string], { document: string }>(
          'SELECT document FROM jejak_documents WHERE collection = ? AND id = ?',
        )
        .get(collection, id),
    );
    return row ? (JSON.parse(row.document) as T) : null;
  }

  async put<T>(collection: string, id: string, document: T): Promise<void> {
    assertDocumentKey(collection, id);
    const json = serializeDocument(document);
    await translated(this.translate, () =>
      this.db
        .prepare(
          `INSERT INTO jejak_documents (collection, id, document) VALUES (?, ?, ?)
           ON CONFLICT (collection, id) DO UPDATE SET document = excluded.document`,
        )
        .run(collection, id, json),
    );
  }

  /** One transaction; `durable` does not apply (the file's WAL commit is one fsync per batch). */
  async putMany<T>(
    collection: string,
    documents: readonly ReadModelDocument<T>[],
    options: PutManyOptions = {},
  ): Promise<void> {
    const { ids, json } = checkDocuments(collection, documents, options.newerBy);
    if (ids.length === 0) return;
    const path = `$."${options.newerBy}"`;
    // A stored document without the field (or with null) is replaced.
    const guard = options.newerBy
      ? ` WHERE coalesce(json_extract(jejak_documents.document, '${path}')
            < json_extract(excluded.document, '${path}'), 1)`
      : '';
    await translated(this.translate, () => {
      const upsert = this.db.prepare(
        `INSERT INTO jejak_documents (collection, id, document) VALUES (?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET document = excluded.document${guard}`,
      );
      this.db.transaction(() => {
        ids.forEach((id, i) => upsert.run(collection, id, json[i]));
      })();
    });
  }

  async list<T>(collection: string, query?: ListQuery): Promise<{ items: T[]; total: number }> {
    const checked = checkListQuery(collection, query);
    const filters = checked.where.map(([field, value]) => filterFor(field, value));
    const where = ['collection = ?', ...filters.map((f) => f.sql)].join(' AND ');
    const params = [collection, ...filters.flatMap((f) => f.params)];
    return translated(this.translate, () => {
      const total = this.db
        .prepare<unknown[], { n: number }>(
          `SELECT count(*) AS n FROM jejak_documents WHERE ${where}`,
        )
        .get(...params)!.n;
      const rows = this.db
        .prepare<unknown[], { document: string }>(
          `SELECT document FROM jejak_documents WHERE ${where} ORDER BY id LIMIT ? OFFSET ?`,
        )
        .all(...params, checked.limit ?? -1, checked.offset);
      return { items: rows.map((row) => JSON.parse(row.document) as T), total };
    });
  }

  async clear(collection: string): Promise<void> {
    assertName('collection', collection);
    await translated(this.translate, () =>
      this.db.prepare('DELETE FROM jejak_documents WHERE collection = ?').run(collection),
    );
  }
}
