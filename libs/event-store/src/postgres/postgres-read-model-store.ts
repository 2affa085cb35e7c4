import type { Pool } from 'pg';
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
import { translatePgError } from './postgres-errors.js';

/**
 * Read-model documents beside the events (table `jejak_documents`, jsonb). Filters use jsonb
 * containment, which is typed (the string "1" never matches the number 1) and GIN-indexed.
 */
export class PostgresReadModelStore implements ReadModelStore {
  constructor(private readonly pool: Pool) {}

  async get<T>(collection: string, id: string): Promise<T | null> {
    assertDocumentKey(collection, id);
    const { rows } = await translated(translatePgError, () =>
      this.pool.query<{ document: T }>(
        'SELECT document FROM jejak_documents WHERE collection = $1 AND id = $2',
        [collection, id],
      ),
    );
    return rows[0]?.document ?? null;
  }

  async put<T>(collection: string, id: string, document: T): Promise<void> {
    assertDocumentKey(collection, id);
    const json = serializeDocument(document);
    await translated(translatePgError, () =>
      this.pool.query(
        `INSERT INTO jejak_documents (collection, id, document) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (collection, id) DO UPDATE SET document = excluded.document`,
        [collection, id, json],
      ),
    );
  }

  async putMany<T>(
    collection: string,
    documents: readonly ReadModelDocument<T>[],
    options: PutManyOptions = {},
  ): Promise<void> {
    const { ids, json } = checkDocuments(collection, documents, options.newerBy);
    if (ids.length === 0) return;
    // A stored document without the field (or with null) is replaced.
    const guard = options.newerBy
      ? ` WHERE coalesce((jejak_documents.document->>'${options.newerBy}')::numeric
            < (excluded.document->>'${options.newerBy}')::numeric, true)`
      : '';
    const upsert = `INSERT INTO jejak_documents (collection, id, document)
      SELECT $1, u.id, u.document::jsonb FROM unnest($2::text[], $3::text[]) AS u(id, document)
      ON CONFLICT (collection, id) DO UPDATE SET document = excluded.document${guard}`;
    if (options.durable !== false) {
      await translated(translatePgError, () => this.pool.query(upsert, [collection, ids, json]));
      return;
    }
    await translated(translatePgError, async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL synchronous_commit = off');
        await client.query(upsert, [collection, ids, json]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  async list<T>(collection: string, query?: ListQuery): Promise<{ items: T[]; total: number }> {
    const checked = checkListQuery(collection, query);
    const filter = JSON.stringify(Object.fromEntries(checked.where));
    const where = 'collection = $1 AND document @> $2::jsonb';
    const [count, page] = await translated(translatePgError, () =>
      Promise.all([
        this.pool.query<{ n: number }>(
          `SELECT count(*)::integer AS n FROM jejak_documents WHERE ${where}`,
          [collection, filter],
        ),
        this.pool.query<{ document: T }>(
          `SELECT document FROM jejak_documents WHERE ${where} ORDER BY id LIMIT $3 OFFSET $4`,
          [collection, filter, checked.limit, checked.offset],
        ),
      ]),
    );
    return { items: page.rows.map((row) => row.document), total: count.rows[0]?.n ?? 0 };
  }

  async clear(collection: string): Promise<void> {
    assertName('collection', collection);
    await translated(translatePgError, () =>
      this.pool.query('DELETE FROM jejak_documents WHERE collection = $1', [collection]),
    );
  }
}
