import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type OpenedEventStore } from '@jejak/event-store';
import { DocumentReferences } from './document-references.js';

const file = (digit: string) => ({
  sha256: digit.repeat(64),
  mediaType: 'application/pdf',
  size: 9,
});

describe('DocumentReferences (embedded event store)', () => {
  let directory: string;
  let store: OpenedEventStore;
  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'jejak-refs-'));
    store = await createEventStore({ kind: 'embedded', path: join(directory, 'jejak.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('names the event and document referring to a file, reading only new events each time', async () => {
    const one = `selection-${randomUUID()}`;
    const two = `selection-${randomUUID()}`;
    const references = new DocumentReferences(store);
    expect(await references.of('a'.repeat(64))).toEqual([]);
    await store.appendToStream(one, [
      { type: 'TPKFormed', data: { decree: { number: 'SK-1', files: [file('a')] } } },
    ]);
    // Asked right after the append: the answer includes it.
    expect(await references.of('a'.repeat(64))).toEqual([
      expect.objectContaining({
        streamId: one,
        revision: 0,
        eventType: 'TPKFormed',
        documentNumber: 'SK-1',
        path: 'decree.files[0]',
      }),
    ]);
    await store.appendToStream(two, [
      { type: 'ReportedToPPK', data: { report: { number: 'R-1', files: [file('a'), file('b')] } } },
    ]);
    const [first, second] = await Promise.all([references.hashes(), references.of('a'.repeat(64))]);
    expect([...first].sort()).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    expect(second.map((r) => r.streamId)).toEqual([one, two]);
  });
});
