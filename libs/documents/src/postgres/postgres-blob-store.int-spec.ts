import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeBlobStoreContract } from '../testing/blob-store.contract.js';
import { PostgresBlobStore } from './postgres-blob-store.js';

// Base server from TEST_DATABASE_URL; this run creates its own database and drops it after.
const baseUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `jejak_test_${randomBytes(6).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();

let admin: pg.Client;
let schemas = 0;

beforeAll(async () => {
  const server = new pg.Client({ connectionString: baseUrl });
  await server.connect();
  await server.query(`CREATE DATABASE ${database}`);
  await server.end();
  admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
});

afterAll(async () => {
  await admin.end();
  const server = new pg.Client({ connectionString: baseUrl });
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await server.end();
});

describeBlobStoreContract('PostgreSQL (bytea rows)', async () => {
  schemas += 1;
  const schema = `blobs_${schemas}`;
  const store = await PostgresBlobStore.open({ databaseUrl, schema, poolSize: 2 });
  return {
    store,
    tamper: {
      remove: async (sha256) => {
        await admin.query(`DELETE FROM ${schema}.document_blobs WHERE sha256 = $1`, [sha256]);
      },
      alter: async (sha256) => {
        await admin.query(
          `UPDATE ${schema}.document_blobs
              SET content = set_byte(content, 0, get_byte(content, 0) # 255) WHERE sha256 = $1`,
          [sha256],
        );
      },
    },
    close: () => store.close(),
  };
});

describe('PostgreSQL blob store', () => {
  it('creates its tables once when two instances open together', async () => {
    const [a, b] = await Promise.all([
      PostgresBlobStore.open({ databaseUrl, schema: 'together' }),
      PostgresBlobStore.open({ databaseUrl, schema: 'together' }),
    ]);
    expect(await a.list()).toEqual([]);
    expect(await b.list()).toEqual([]);
    await a.close();
    await b.close();
  });
});
