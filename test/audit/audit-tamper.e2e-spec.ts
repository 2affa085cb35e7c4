import {
  describeTamperCases,
  type AuditSubject,
} from '../../libs/audit/src/testing/audit-tamper.suite.js';
import { storeVariants } from '../selections/support/selections-app.js';
import { expectStatus, selectionHttp } from '../selections/support/selection-http.js';
import { startAuditApp, type AuditApp } from './support/audit-app.js';

// Tampering through real SQL on the API's own store, reported by GET /selections/:id/verify
// (as AUDITOR) at the right revision; GET /audit/verify streams NDJSON with a summary.

for (const variant of storeVariants('audit_e2e_tamper')) {
  describe(`audit verification over HTTP (${variant.name})`, () => {
    let audit: AuditApp;
    let subject: AuditSubject;
    let h: ReturnType<typeof selectionHttp>;
    beforeAll(async () => {
      audit = await startAuditApp(variant);
      subject = { store: audit.t.store, tamper: audit.tamper, signer: audit.signer };
      h = selectionHttp(audit.t);
    });
    afterAll(async () => {
      await audit.close();
      await variant.dispose();
    });

    describeTamperCases(
      () => subject,
      async (_subject, id) => {
        const response = expectStatus(
          await h.get(`/selections/${id}/verify`, { role: 'AUDITOR' }),
          200,
        );
        return response.body as { ok: boolean; brokenAt?: number; reason?: string };
      },
    );

    it('GET /audit/verify streams one NDJSON line per stream and a summary naming the first break', async () => {
      const response = expectStatus(await h.get('/audit/verify', { role: 'AUDITOR' }), 200);
      expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const lines = String(response.text)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const streams = lines.filter((line) => line.kind === 'stream');
      expect(streams.length).toBe((await audit.t.store.listStreams()).length);
      expect(lines.at(-1)).toMatchObject({
        kind: 'summary',
        ok: false,
        firstBroken: { brokenAt: 2, reason: 'altered' },
      });
    });

    it('answers 404 for a selection that does not exist', async () => {
      expectStatus(
        await h.get('/selections/3f0c4a52-7a1c-4d55-9a43-5c7f1bd3a001/verify', { role: 'AUDITOR' }),
        404,
      );
      expectStatus(await h.get('/selections/not-a-uuid/timeline', { role: 'AUDITOR' }), 404);
    });
  });
}
