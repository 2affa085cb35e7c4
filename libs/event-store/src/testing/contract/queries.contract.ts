import { InvalidArgumentError } from '../../event-store.errors.js';
import type { ReadModelStore } from '../../event-store.port.js';
import type { ContractSubject } from '../contract-subject.js';
import { aStreamId, notes, ofStreams } from './fixtures.js';
import { randomUUID } from 'node:crypto';

export function queriesContract(subject: () => ContractSubject): void {
  const store = () => subject().eventStore;

  describe('queries', () => {
    it('finds the events appended under an idempotency key, in that stream only', async () => {
      const [streamId, other] = [aStreamId(), aStreamId()];
      await store().appendToStream(streamId, notes(1));
      await store().appendToStream(streamId, notes(2, 1, { idempotencyKey: 'key-1' }));
      await store().appendToStream(other, notes(1, 0, { idempotencyKey: 'key-1' }));
      const found = await store().findByIdempotencyKey(streamId, 'key-1');
      expect(found.map((e) => [e.streamId, e.revision])).toEqual([
        [streamId, 1],
        [streamId, 2],
      ]);
      expect(found[0]!.metadata['idempotencyKey']).toBe('key-1');
      expect(await store().findByIdempotencyKey(streamId, 'key-2')).toEqual([]);
    });

    it('lists streams in order of first appearance', async () => {
      const [a, b, c] = [aStreamId(), aStreamId(), `audit-${randomUUID()}`];
      await store().appendToStream(b, notes(1));
      await store().appendToStream(a, notes(1));
      await store().appendToStream(b, notes(1));
      await store().appendToStream(c, notes(1));
      const listed = await store().listStreams();
      expect(listed.filter((id) => [a, b, c].includes(id))).toEqual([b, a, c]);
    });

    it('reads all events after a position, in commit order, a page at a time', async () => {
      // Positions are opaque tokens: only positions the store returned are passed back, and no
      // arithmetic is done on them (an EventStoreDB position is a byte offset in its log).
      const [a, b, before] = [aStreamId(), aStreamId(), aStreamId()];
      const marker = await store().appendToStream(before, notes(1));
      await store().appendToStream(a, notes(2));
      await store().appendToStream(b, notes(2));
      const all = (await store().readAll()).filter(ofStreams([a, b]));
      expect(all.map((e) => [e.streamId, e.revision])).toEqual([
        [a, 0],
        [a, 1],
        [b, 0],
        [b, 1],
      ]);
      const page = await store().readAll({ fromPosition: all[0]!.globalPosition, maxCount: 2 });
      expect(page).toEqual(all.slice(1, 3));
      expect(
        (await store().readAll({ fromPosition: marker.position })).filter(ofStreams([a, b])),
      ).toEqual(all);
      expect(await store().readAll({ fromPosition: all[3]!.globalPosition })).toEqual([]);
    });
  });
}

export function readModelContract(subject: () => ContractSubject): void {
  const documents = (): ReadModelStore => {
    const readModels = subject().readModels;
    if (!readModels) throw new Error('The adapter declared read models but has none');
    return readModels;
  };

  describe('read models', () => {
    it('puts, replaces and gets documents', async () => {
      expect(await documents().get('summaries', 's1')).toBeNull();
      await documents().put('summaries', 's1', { title: 'JPT', stage: 'planning' });
      await documents().put('summaries', 's1', { title: 'JPT', stage: 'registration' });
      expect(await documents().get('summaries', 's1')).toEqual({
        title: 'JPT',
        stage: 'registration',
      });
      expect(await documents().get('other', 's1')).toBeNull();
    });

    it('lists by typed equality filters, ordered by id, with offset and limit', async () => {
      const docs = documents();
      await docs.put('rows', 'c', { kind: 'jptp', open: true, count: 2 });
      await docs.put('rows', 'a', { kind: 'jptp', open: false, count: 1 });
      await docs.put('rows', 'b', { kind: 'pergub', open: true, count: 1 });
      await docs.put('rows', 'd', { kind: 'jptp', open: true, count: '2' });
      expect(await docs.list('rows')).toMatchObject({ total: 4 });
      const jptpOpen = await docs.list<{ count: unknown }>('rows', {
        where: { kind: 'jptp', open: true },
      });
      expect(jptpOpen).toEqual({
        total: 2,
        items: [{ kind: 'jptp', open: true, count: 2 }, expect.anything()],
      });
      expect((await docs.list('rows', { where: { count: 2 } })).total).toBe(1);
      expect((await docs.list('rows', { where: { count: '2' } })).total).toBe(1);
      const page = await docs.list<{ kind: string }>('rows', { offset: 1, limit: 2 });
      expect(page.total).toBe(4);
      expect(page.items.map((d) => d.kind)).toEqual(['pergub', 'jptp']);
    });

    it('puts many documents at once, the last of a repeated id winning', async () => {
      const docs = documents();
      await docs.put('many', 'a', { revision: 1, v: 'old' });
      await docs.putMany('many', [
        { id: 'a', document: { revision: 2, v: 'first' } },
        { id: 'b', document: { revision: 0, v: 'b' } },
        { id: 'a', document: { revision: 3, v: 'last' } },
      ]);
      await docs.putMany('many', []);
      expect((await docs.list('many')).items).toEqual([
        { revision: 3, v: 'last' },
        { revision: 0, v: 'b' },
      ]);
      await docs.putMany('many', [{ id: 'c', document: { v: 'c' } }], { durable: false });
      expect(await docs.get('many', 'c')).toEqual({ v: 'c' });
    });

    it('keeps a stored document at or above the new one by the newerBy field', async () => {
      const docs = documents();
      await docs.put('mono', 'ahead', { revision: 5, v: 'stored' });
      await docs.put('mono', 'same', { revision: 2, v: 'stored' });
      await docs.put('mono', 'behind', { revision: 1, v: 'stored' });
      await docs.put('mono', 'unversioned', { v: 'stored' });
      await docs.putMany(
        'mono',
        ['ahead', 'same', 'behind', 'unversioned', 'new'].map((id) => ({
          id,
          document: { revision: 2 + Number(id === 'behind'), v: 'put' },
        })),
        { newerBy: 'revision', durable: false },
      );
      const byId = async (id: string) => (await docs.get<{ v: string }>('mono', id))?.v;
      expect(await byId('ahead')).toBe('stored');
      expect(await byId('same')).toBe('stored');
      expect(await byId('behind')).toBe('put');
      expect(await byId('unversioned')).toBe('put');
      expect(await byId('new')).toBe('put');
    });

    it('writes none of a putMany with an invalid document', async () => {
      const docs = documents();
      await expect(
        docs.putMany('atomic', [
          { id: 'ok', document: { v: 1 } },
          { id: 'bad', document: { at: new Date(0) } },
        ]),
      ).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(
        docs.putMany('atomic', [{ id: 'x', document: {} }], { newerBy: "v'--" }),
      ).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(await docs.list('atomic')).toEqual({ items: [], total: 0 });
    });

    it('clears one collection only', async () => {
      await documents().put('one', 'x', { v: 1 });
      await documents().put('two', 'x', { v: 2 });
      await documents().clear('one');
      expect(await documents().list('one')).toEqual({ items: [], total: 0 });
      expect(await documents().get('two', 'x')).toEqual({ v: 2 });
    });

    it('rejects unsafe names and non-JSON documents', async () => {
      await expect(documents().list('rows', { where: { 'a.b': 1 } })).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
      await expect(documents().get("x'--", 'id')).rejects.toBeInstanceOf(InvalidArgumentError);
      await expect(documents().put('rows', 'id', { at: new Date(0) })).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
    });
  });
}
