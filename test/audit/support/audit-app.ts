import pg from 'pg';
import { AUDIT_SIGNER, type AuditSigner } from '@jejak/audit';
import type { Clock } from '@jejak/selections';
import {
  postgresTamper,
  sqliteTamper,
  type AuditTamper,
} from '../../../libs/audit/src/testing/sql-tamper.js';
import type { TestApp } from '../../support/test-app.js';
import { startSelectionsApp, type StoreVariant } from '../../selections/support/selections-app.js';

export type AuditApp = {
  t: TestApp;
  /** The key the app signs with (checkpoints made with it are the app's own). */
  signer: AuditSigner;
  /** Plain SQL on the app's storage, from another connection. */
  tamper: AuditTamper;
  close(): Promise<void>;
};

const databaseUrl = () =>
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The real API on a store variant (WORKERS=off: nothing runs by the wall clock meanwhile). */
export async function startAuditApp(variant: StoreVariant, clock?: Clock): Promise<AuditApp> {
  const t = await startSelectionsApp({
    ...variant.options,
    env: { ...variant.options.env, WORKERS: 'off' },
    ...(clock ? { clock } : {}),
  });
  const signer = t.app.get<AuditSigner>(AUDIT_SIGNER);
  if (variant.name === 'embedded') {
    const path = t.config.eventStore.path!;
    return { t, signer, tamper: sqliteTamper(path), close: () => t.close() };
  }
  const admin = new pg.Client({ connectionString: databaseUrl() });
  await admin.connect();
  const schema = variant.options.eventStore!.schema!;
  return {
    t,
    signer,
    tamper: postgresTamper(admin, schema),
    close: async () => {
      await t.close();
      await admin.end();
    },
  };
}
