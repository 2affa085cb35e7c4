import { verifyChain } from '@jejak/event-store';
import { presentEvent, toDomainEvent } from '@jejak/selections';
import { CURRENT_SCHEMA_VERSION, procedures, toWita, type DomainEvent } from '@jejak/workflows';
import type { AnyMachineSnapshot } from 'xstate';
import { archivedStreams, recordedEventOf } from './archived-streams.js';

// Stored events are forever: every archived stream (test/fixtures/streams, kept exactly as an
// earlier release stored it) must still verify on its stored bytes and fold, through today's
// read path, to the state it had when it was archived.

type AnyProcedure = {
  fold(events: readonly DomainEvent[]): AnyMachineSnapshot;
  stateOf(snapshot: AnyMachineSnapshot): string;
  persist(snapshot: AnyMachineSnapshot): unknown;
  summarize(snapshot: AnyMachineSnapshot): unknown;
  deadlines(snapshot: AnyMachineSnapshot): unknown;
  commands: Record<string, { event: string }>;
};

const streams = archivedStreams();
const procedureOf = (kind: string) =>
  procedures[kind as keyof typeof procedures] as unknown as AnyProcedure;

describe('archived streams (test/fixtures/streams)', () => {
  it('are there, for both procedures', () => {
    expect(new Set(streams.map((s) => s.expected.kind))).toEqual(
      new Set(['jptp-open-selection', 'pergub-113-filling']),
    );
  });

  it.each(streams.map((s) => [s.name, s] as const))('%s: its hash chain verifies', (_, stream) => {
    const verdict = verifyChain(stream.rows);
    expect(verdict).toEqual({
      ok: true,
      eventsChecked: stream.expected.revision + 1,
      headHash: stream.expected.headHash,
    });
  });

  it.each(streams.map((s) => [s.name, s] as const))(
    '%s: folds to the recorded final state',
    (_, stream) => {
      const procedure = procedureOf(stream.expected.kind);
      const events = stream.rows.map(recordedEventOf);
      expect(events[0]!.metadata['kind']).toBe(stream.expected.kind);
      const snapshot = procedure.fold(events.map(toDomainEvent));
      expect(procedure.stateOf(snapshot)).toBe(stream.expected.state);
      expect(procedure.persist(snapshot)).toMatchObject(stream.expected.persisted);
      expect(procedure.summarize(snapshot)).toMatchObject(stream.expected.summary);
      expect(procedure.deadlines(snapshot)).toEqual(stream.expected.deadlines);
    },
  );

  it.each(streams.map((s) => [s.name, s] as const))(
    '%s: read through the upcasters, each event has its effective and recorded time',
    (_, stream) => {
      for (const row of stream.rows) {
        const stored = recordedEventOf(row);
        expect(stored.metadata['effectiveAt']).toBeUndefined();
        const view = presentEvent(stored);
        const occurredAt = (stored.data as { occurredAt: string }).occurredAt;
        expect(view.effectiveAt).toBe(toWita(occurredAt));
        expect(view.metadata).toMatchObject({
          schemaVersion: String(CURRENT_SCHEMA_VERSION),
          effectiveAt: toWita(occurredAt),
          recordedAt: stored.metadata['recordedAt'],
        });
        // The stored bytes stay as they were: the chain is verified on them, never on the view.
        expect(JSON.parse(row.canonical)).toMatchObject({ metadata: stored.metadata });
      }
    },
  );

  it('reads a renamed type (SubmittedToPpk, stored before the naming policy) as SubmittedToPPK', () => {
    const stream = streams.find((s) => s.name === 'jptp-ntt-2024-completed')!;
    const row = stream.rows.find((r) => r.type === 'SubmittedToPpk')!;
    expect(row.canonical).toContain('"type":"SubmittedToPpk"');
    const view = presentEvent(recordedEventOf(row));
    expect(view.type).toBe('SubmittedToPPK');
    expect(view.stored).toEqual({ type: 'SubmittedToPpk', schemaVersion: 1 });
    expect(toDomainEvent(recordedEventOf(row)).type).toBe('SubmittedToPPK');
  });

  it('a tampered row fails verification (the check has teeth)', () => {
    const [stream] = streams;
    const rows = stream!.rows.map((row) => ({ ...row }));
    rows[1] = { ...rows[1]!, canonical: rows[1]!.canonical.replace('"data":{', '"data":{"x":1,') };
    expect(verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 1, reason: 'altered' });
  });

  it.each(['jptp-open-selection', 'pergub-113-filling'])(
    '%s: every event type its commands yield is archived at least once',
    (kind) => {
      const archived = new Set(
        streams
          .filter((s) => s.expected.kind === kind)
          .flatMap((s) => s.rows.map(recordedEventOf).map((e) => toDomainEvent(e).type)),
      );
      const types = new Set(Object.values(procedureOf(kind).commands).map((spec) => spec.event));
      expect([...types].filter((type) => !archived.has(type))).toEqual([]);
    },
  );
});
