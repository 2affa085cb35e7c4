import {
  CURRENT_SCHEMA_VERSION,
  RENAMED_EVENT_TYPES,
  schemaVersionOf,
  upcastEvent,
  type StoredEvent,
} from './event-versions.js';

// Upcasters (docs/events.md): version n to n + 1 on read, in order, never rewriting the stored
// event (the input object is left as it was).

const v1 = (type: string): StoredEvent => ({
  type,
  data: { letter: { date: '2024-07-01' }, occurredAt: '2024-07-01T01:00:00.000Z' },
  metadata: { kind: 'jptp-open-selection', recordedAt: '2024-07-01T01:00:00.000Z' },
  recordedAt: '2024-07-01T01:00:00.123Z',
});

describe('event versions', () => {
  it('reads a missing or unreadable schemaVersion as 1', () => {
    expect(schemaVersionOf({ metadata: {} })).toBe(1);
    expect(schemaVersionOf({ metadata: { schemaVersion: 'x' } })).toBe(1);
    expect(schemaVersionOf({ metadata: { schemaVersion: '2' } })).toBe(2);
  });

  it('1 -> 2 -> 3: gives an old event its two times and its new name, leaving the stored one as it was', () => {
    const stored = v1('SubmittedToPpk');
    const frozen = JSON.stringify(stored);
    const current = upcastEvent(stored);
    expect(current).toEqual({
      ...stored,
      type: 'SubmittedToPPK',
      metadata: {
        ...stored.metadata,
        schemaVersion: String(CURRENT_SCHEMA_VERSION),
        effectiveAt: '2024-07-01T09:00:00+08:00',
        recordedAt: '2024-07-01T01:00:00.000Z',
      },
    });
    expect(JSON.stringify(stored)).toBe(frozen);
  });

  it('1 -> 2 takes the store’s commit time when no recorded clock was kept', () => {
    const { recordedAt: _none, ...metadata } = v1('PpkStatusRecorded').metadata;
    const current = upcastEvent({ ...v1('PpkStatusRecorded'), metadata });
    expect(current.metadata['recordedAt']).toBe('2024-07-01T01:00:00.123Z');
    expect(current.type).toBe('PPKStatusRecorded');
  });

  it('2 -> 3 renames only the renamed types; a current event goes through untouched', () => {
    const v2 = { ...v1('TPKFormed'), metadata: { schemaVersion: '2', effectiveAt: 'x' } };
    expect(upcastEvent(v2)).toMatchObject({ type: 'TPKFormed', metadata: { schemaVersion: '3' } });
    const v3 = { ...v1('SubmittedToPpk'), metadata: { schemaVersion: '3' } };
    expect(upcastEvent(v3)).toBe(v3);
    expect(Object.values(RENAMED_EVENT_TYPES)).toEqual(['SubmittedToPPK', 'PPKStatusRecorded']);
  });
});
