import type { EventStore } from '@jejak/event-store';
import { checkpointAll } from '../checkpoint-all.js';
import type { AuditSigner } from '../signing-key.js';
import { aSampleSelection } from './sample-selection.js';
import type { AuditTamper } from './sql-tamper.js';

/** A store on real storage, an attacker on the same storage, and the service's signing key. */
export type AuditSubject = { store: EventStore; tamper: AuditTamper; signer: AuditSigner };

/** How a surface (lib, CLI, API) reports a selection's verification. */
export type VerifyProbe = (
  subject: AuditSubject,
  selectionId: string,
) => Promise<{ ok: boolean; brokenAt?: number; reason?: string }>;

/**
 * The tamper cases of issue 6, each through real SQL, reported at the right revision by the
 * surface under test. Streams have five events (revisions 0 to 4).
 */
export function describeTamperCases(subject: () => AuditSubject, probe: VerifyProbe): void {
  const selection = () => aSampleSelection(subject().store);
  const verify = (id: string) => probe(subject(), id);

  it('reports an untouched selection as intact', async () => {
    expect(await verify(await selection())).toMatchObject({ ok: true });
  });

  it('reports an UPDATE of one event data at its revision (altered)', async () => {
    const id = await selection();
    await subject().tamper.alterData(`selection-${id}`, 2);
    expect(await verify(id)).toMatchObject({ ok: false, brokenAt: 2, reason: 'altered' });
  });

  it('reports a DELETE of a middle event at its revision (missing)', async () => {
    const id = await selection();
    await subject().tamper.deleteEvent(`selection-${id}`, 2);
    expect(await verify(id)).toMatchObject({ ok: false, brokenAt: 2, reason: 'missing' });
  });

  it('reports two swapped revisions at the first of them (reordered)', async () => {
    const id = await selection();
    await subject().tamper.swapEvents(`selection-${id}`, 1, 3);
    expect(await verify(id)).toMatchObject({ ok: false, brokenAt: 1, reason: 'reordered' });
  });

  it('catches a re-hashed rewrite of the tail against an earlier signed checkpoint', async () => {
    const id = await selection();
    await checkpointAll(subject().store, subject().signer, '2024-05-25T00:00:00.000Z');
    await subject().tamper.rewriteTail(`selection-${id}`, 3);
    expect(await subject().store.verifyStream(`selection-${id}`)).toMatchObject({ ok: true });
    expect(await verify(id)).toMatchObject({ ok: false, brokenAt: 3, reason: 'altered' });
  });

  it('catches a deleted tail against an earlier signed checkpoint (missing)', async () => {
    const id = await selection();
    await checkpointAll(subject().store, subject().signer, '2024-05-25T00:00:00.000Z');
    await subject().tamper.deleteEvent(`selection-${id}`, 4);
    await subject().tamper.deleteEvent(`selection-${id}`, 3);
    expect(await verify(id)).toMatchObject({ ok: false, brokenAt: 3, reason: 'missing' });
  });
}
