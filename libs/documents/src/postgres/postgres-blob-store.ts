import { createHash } from 'node:crypto';
import pg from 'pg';
import type { BlobInfo, BlobStore, StagedBlob } from '../blob-store.port.js';
import { BlobStoreFailureError, BlobTooLargeError } from '../documents.errors.js';
import { HEAD_BYTES, isSha256 } from '../sha256.js';

export type PostgresBlobStoreOptions = {
  databaseUrl: string;
  /** Schema of the tables (created if missing); default: the server's search_path. */
  schema?: string;
  poolSize?: number;
};

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

type InfoRow = {
  sha256: string;
  size: string;
  media_type: string;
  stored_at: Date;
  uploads: { uploader: string; at: string }[] | null;
};

/**
 * Files as `bytea` rows (`document_blobs`), who uploaded them in `document_uploads`. Why bytea
 * and not large objects: a file is at most DOCUMENT_MAX_BYTES (20 MiB by default, 64 MiB at
 * most), well under bytea's 1 GB; a row is written in one transaction (never half a file), is
 * deduplicated by its primary key, goes away with a DELETE, and is in every pg_dump and replica
 * like the events. Large objects stream, but live outside the row: a deleted row leaves an
 * orphan until lo_unlink/vacuumlo, and they need their own permissions and backup care.
 * Measured (20 MiB, loaded 2-core machine): bytea insert 2.0-2.7 s, read 2.8-4.1 s; large
 * object 1.7-2.6 s and 2.5-3.4 s: no gain worth the extra care at these sizes.
 * An upload is staged in memory (bounded by the maximum size) and inserted at commit.
 */
export class PostgresBlobStore implements BlobStore {
  readonly kind = 'postgres' as const;
  private readonly blobs: string;
  private readonly uploads: string;

  private constructor(
    private readonly pool: pg.Pool,
    schema: string | undefined,
  ) {
    const prefix = schema === undefined ? '' : `"${schema}".`;
    this.blobs = `${prefix}document_blobs`;
    this.uploads = `${prefix}document_uploads`;
  }

  static async open(options: PostgresBlobStoreOptions): Promise<PostgresBlobStore> {
    if (options.schema !== undefined && !SCHEMA.test(options.schema)) {
      throw new BlobStoreFailureError(`Invalid schema name ${JSON.stringify(options.schema)}`);
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 4,
      application_name: 'jejak-documents',
    });
    pool.on('error', () => undefined);
    const store = new PostgresBlobStore(pool, options.schema);
    try {
      await store.migrate(options.schema);
    } catch (error) {
      await pool.end();
      throw new BlobStoreFailureError('Cannot prepare the document tables in PostgreSQL', {
        cause: error,
      });
    }
    return store;
  }

  private async migrate(schema: string | undefined): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // One migrator at a time across instances starting together.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('jejak-document-blobs'))`);
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.blobs} (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL,
        media_type text NOT NULL,
        stored_at timestamptz NOT NULL,
        content bytea NOT NULL)`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.uploads} (
        sha256 text NOT NULL REFERENCES ${this.blobs} (sha256) ON DELETE CASCADE,
        uploader text NOT NULL,
        uploaded_at timestamptz NOT NULL,
        PRIMARY KEY (sha256, uploader))`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async stage(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StagedBlob> {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
      hash.update(chunk);
      chunks.push(Buffer.from(chunk));
    }
    const content = Buffer.concat(chunks, size);
    const sha256 = hash.digest('hex');
    return {
      sha256,
      size,
      head: content.subarray(0, HEAD_BYTES),
      commit: (upload) => this.commit(sha256, content, upload),
      discard: () => Promise.resolve(),
    };
  }

  private async commit(
    sha256: string,
    content: Buffer,
    upload: { mediaType: string; uploader: string; at: Date },
  ): Promise<BlobInfo> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${this.blobs} (sha256, size, media_type, stored_at, content)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING`,
        [sha256, content.byteLength, upload.mediaType, upload.at, content],
      );
      await client.query(
        `INSERT INTO ${this.uploads} (sha256, uploader, uploaded_at) VALUES ($1, $2, $3)
         ON CONFLICT (sha256, uploader) DO UPDATE SET uploaded_at = EXCLUDED.uploaded_at`,
        [sha256, upload.uploader, upload.at],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new BlobStoreFailureError('Cannot store the file in PostgreSQL', { cause: error });
    } finally {
      client.release();
    }
    return (await this.info(sha256))!;
  }

  private infoQuery(where: string): string {
    return `SELECT b.sha256, b.size, b.media_type, b.stored_at,
        (SELECT json_agg(json_build_object('uploader', u.uploader, 'at', u.uploaded_at)
                ORDER BY u.uploaded_at)
           FROM ${this.uploads} u WHERE u.sha256 = b.sha256) AS uploads
      FROM ${this.blobs} b ${where} ORDER BY b.sha256`;
  }

  private toInfo(row: InfoRow): BlobInfo {
    return {
      sha256: row.sha256,
      size: Number(row.size),
      mediaType: row.media_type,
      storedAt: row.stored_at.toISOString(),
      uploads: (row.uploads ?? []).map((u) => ({
        uploader: u.uploader,
        at: new Date(u.at).toISOString(),
      })),
    };
  }

  async info(sha256: string): Promise<BlobInfo | null> {
    if (!isSha256(sha256)) return null;
    const { rows } = await this.query<InfoRow>(this.infoQuery('WHERE b.sha256 = $1'), [sha256]);
    return rows[0] ? this.toInfo(rows[0]) : null;
  }

  async read(sha256: string): Promise<Buffer | null> {
    if (!isSha256(sha256)) return null;
    const { rows } = await this.query<{ content: Buffer }>(
      `SELECT content FROM ${this.blobs} WHERE sha256 = $1`,
      [sha256],
    );
    return rows[0]?.content ?? null;
  }

  async list(): Promise<BlobInfo[]> {
    const { rows } = await this.query<InfoRow>(this.infoQuery(''), []);
    return rows.map((row) => this.toInfo(row));
  }

  async remove(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    await this.query(`DELETE FROM ${this.blobs} WHERE sha256 = $1`, [sha256]);
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw new BlobStoreFailureError('PostgreSQL is unavailable', { cause: error });
    }
  }

  private async query<R extends pg.QueryResultRow>(
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw new BlobStoreFailureError('PostgreSQL query failed', { cause: error });
    }
  }
}
