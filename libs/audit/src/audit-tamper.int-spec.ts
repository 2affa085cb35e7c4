import { verifierOf } from './signing-key.js';
import { describeTamperCases, type AuditSubject } from './testing/audit-tamper.suite.js';
import {
  openPostgresForTamper,
  openSqliteForTamper,
  type OpenedForTamper,
} from './testing/stores.js';
import { aTestSigner } from './testing/test-signer.js';
import { verifySelection } from './verify-all.js';

const openers: [string, () => Promise<OpenedForTamper>][] = [
  ['embedded (SQLite file)', openSqliteForTamper],
  ['postgres', () => openPostgresForTamper('audit_lib')],
];

describe.each(openers)('verifySelection on %s', (_name, open) => {
  let opened: OpenedForTamper;
  let subject: AuditSubject;
  beforeAll(async () => {
    opened = await open();
    subject = { store: opened.store, tamper: opened.tamper, signer: aTestSigner() };
  });
  afterAll(() => opened.close());

  describeTamperCases(
    () => subject,
    (s, id) => verifySelection(s.store, id, { verifiers: [verifierOf(s.signer)] }),
  );
});
