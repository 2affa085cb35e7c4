import {
  AppendLimitError,
  InvalidArgumentError,
  InvalidEventError,
  InvalidStreamIdError,
} from './event-store.errors.js';
import { prepareEvents } from './prepare-events.js';
import {
  MAX_EVENT_BYTES,
  assertExpectedRevision,
  assertName,
  assertReadStreamOptions,
  assertStreamId,
} from './validation.js';

const ok = { type: 'SelectionOpened', data: { title: 'JPT Pratama' } };

describe('assertStreamId', () => {
  it.each([
    'selection-3f0c4a52-7a1c-4d55-9a43-5c7f1bd3a001',
    'audit-checkpoints',
    'system-checkpoint-projections',
  ])('accepts %s', (id) => {
    expect(() => assertStreamId(id)).not.toThrow();
  });

  it.each([
    ['an upper-case uuid', 'selection-3F0C4A52-7A1C-4D55-9A43-5C7F1BD3A001'],
    ['a non-uuid selection', 'selection-42'],
    ['an unknown prefix', 'orders-1'],
    ['an EventStoreDB system stream', '$all'],
    ['a double hyphen slug', 'audit--x'],
    ['an empty id', ''],
    ['a 201-character id', `system-${'a'.repeat(194)}`],
  ])('rejects %s', (_why, id) => {
    expect(() => assertStreamId(id)).toThrow(InvalidStreamIdError);
  });
});

describe('prepareEvents', () => {
  it('canonicalises data and metadata and keeps the idempotency key', () => {
    const [event] = prepareEvents([
      { ...ok, data: { b: 1, a: 2 }, metadata: { idempotencyKey: 'k1', actor: '{}' } },
    ]);
    expect(event).toMatchObject({
      type: 'SelectionOpened',
      dataJson: '{"a":2,"b":1}',
      metadataJson: '{"actor":"{}","idempotencyKey":"k1"}',
      idempotencyKey: 'k1',
    });
    expect(event!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('drops undefined members as JSON does', () => {
    const [event] = prepareEvents([
      { ...ok, data: { a: 1, b: undefined }, metadata: { c: undefined } as never },
    ]);
    expect(event!.dataJson).toBe('{"a":1}');
    expect(event!.metadataJson).toBe('{}');
  });

  it.each([
    ['camelCase type', { ...ok, type: 'selectionOpened' }, /PascalCase/],
    ['dotted type', { ...ok, type: 'Selection.Opened' }, /PascalCase/],
    ['missing data', { type: 'A' }, /data is required/],
    ['a Date in data', { ...ok, data: { at: new Date(0) } }, /data\.at \(Date/],
    ['NaN in data', { ...ok, data: [Number.NaN] }, /data\[0\]/],
    ['a function in data', { ...ok, data: { f: () => 1 } }, /function/],
    ['a bigint in data', { ...ok, data: { n: 1n } }, /bigint/],
    ['undefined in an array', { ...ok, data: [undefined] }, /undefined/],
    ['a lone surrogate', { ...ok, data: { s: '\ud800' } }, /not JSON/],
    ['a non-string metadata value', { ...ok, metadata: { n: 1 } }, /must be a string/],
    ['a reserved metadata key', { ...ok, metadata: { hash: 'x' } }, /reserved/],
    ['a non-uuid id', { ...ok, id: 'abc' }, /not a lowercase UUID/],
  ])('rejects %s', (_why, event, message) => {
    expect(() => prepareEvents([event as never])).toThrow(InvalidEventError);
    expect(() => prepareEvents([event as never])).toThrow(message);
  });

  it('rejects cyclic data', () => {
    const data: Record<string, unknown> = {};
    data['self'] = data;
    expect(() => prepareEvents([{ ...ok, data }])).toThrow(InvalidEventError);
  });

  it('accepts an event of exactly 1 MiB and rejects one byte more', () => {
    const base = '{"s":""}'.length + '{}'.length;
    const exact = { ...ok, data: { s: 'x'.repeat(MAX_EVENT_BYTES - base) } };
    expect(() => prepareEvents([exact])).not.toThrow();
    const over = { ...ok, data: { s: 'x'.repeat(MAX_EVENT_BYTES - base + 1) } };
    expect(() => prepareEvents([over])).toThrow(/1048576 per event/);
  });

  it('names the index of the offending event', () => {
    expect(() => prepareEvents([ok, { ...ok, type: 'bad' }])).toThrow(/^Event #1/);
  });

  it('accepts 1,000 events and rejects 1,001 or none', () => {
    expect(prepareEvents(Array.from({ length: 1000 }, () => ok))).toHaveLength(1000);
    expect(() => prepareEvents(Array.from({ length: 1001 }, () => ok))).toThrow(AppendLimitError);
    expect(() => prepareEvents([])).toThrow(AppendLimitError);
  });
});

describe('argument checks', () => {
  it('accepts every expected-revision variant and rejects the rest', () => {
    for (const expected of [0, 7, 'any', 'no_stream'] as const) {
      expect(() => assertExpectedRevision(expected)).not.toThrow();
    }
    for (const expected of [-1, 1.5, 'stream_exists']) {
      expect(() => assertExpectedRevision(expected as never)).toThrow(InvalidArgumentError);
    }
  });

  it('checks read options and names', () => {
    expect(() => assertReadStreamOptions({ fromRevision: -1 })).toThrow(InvalidArgumentError);
    expect(() => assertReadStreamOptions({ direction: 'up' as never })).toThrow(
      InvalidArgumentError,
    );
    expect(() => assertName('subscriber', 'projections.v1')).not.toThrow();
    expect(() => assertName('collection', "x'; drop")).toThrow(InvalidArgumentError);
  });
});
