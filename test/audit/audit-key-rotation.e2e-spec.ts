import { checkpointAll } from '@jejak/audit';
import { aSampleSelection } from '../../libs/audit/src/testing/sample-selection.js';
import { aTestSigner } from '../../libs/audit/src/testing/test-signer.js';
import { storeVariants, startSelectionsApp } from '../selections/support/selections-app.js';
import { expectStatus, selectionHttp } from '../selections/support/selection-http.js';
import type { TestApp } from '../support/test-app.js';

// After a rotation the API signs with key B (AUDIT_SIGNING_KEY) and still trusts key A
// (AUDIT_TRUSTED_PUBLIC_KEYS): A's checkpoints verify over HTTP; a key it does not list (C) is
// reported as unverified, never as valid.

for (const variant of storeVariants('audit_e2e_rotation')) {
  describe(`audit verification after a signing key rotation over HTTP (${variant.name})`, () => {
    const [keyA, keyB, keyC] = [aTestSigner(), aTestSigner(), aTestSigner()];
    let t: TestApp;
    let h: ReturnType<typeof selectionHttp>;
    let id: string;
    beforeAll(async () => {
      t = await startSelectionsApp({
        ...variant.options,
        env: {
          ...variant.options.env,
          WORKERS: 'off',
          AUDIT_SIGNING_KEY: keyB.privateKeyPem,
          AUDIT_TRUSTED_PUBLIC_KEYS: keyA.publicKeyPem.replace(/\n/g, '\\n'),
        },
      });
      h = selectionHttp(t);
      id = await aSampleSelection(t.store);
      await checkpointAll(t.store, keyA, '2024-05-25T00:00:00.000Z');
    });
    afterAll(async () => {
      await t.close();
      await variant.dispose();
    });

    const verifyAllSummary = async () => {
      const response = expectStatus(await h.get('/audit/verify', { role: 'AUDITOR' }), 200);
      return JSON.parse(String(response.text).trim().split('\n').at(-1)!) as unknown;
    };

    it('verifies the checkpoints of the trusted earlier key; /audit/public-key stays the current key', async () => {
      const one = expectStatus(await h.get(`/selections/${id}/verify`, { role: 'AUDITOR' }), 200);
      expect(one.body).toMatchObject({ ok: true, checkpointsChecked: 1 });
      expect(one.body).not.toHaveProperty('unverifiedCheckpoints');
      expect(await verifyAllSummary()).toMatchObject({
        kind: 'summary',
        ok: true,
        unverifiedCheckpoints: 0,
      });
      const key = expectStatus(await h.get('/audit/public-key', { role: 'AUDITOR' }), 200);
      expect(key.body).toEqual({
        keyId: keyB.keyId,
        algorithm: 'Ed25519',
        publicKeyPem: keyB.publicKeyPem,
      });
    });

    it('reports checkpoints of a key it does not trust as unverified', async () => {
      await checkpointAll(t.store, keyC, '2024-05-26T00:00:00.000Z');
      expect(await verifyAllSummary()).toMatchObject({
        kind: 'summary',
        ok: true,
        unverifiedCheckpoints: (await t.store.listStreams()).length - 1,
      });
      const one = expectStatus(await h.get(`/selections/${id}/verify`, { role: 'AUDITOR' }), 200);
      expect(one.body).toMatchObject({ ok: true, checkpointsChecked: 1, unverifiedCheckpoints: 1 });
    });
  });
}
