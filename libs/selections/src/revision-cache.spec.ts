import { RevisionCache } from './revision-cache.js';

type Entry = { revision: number; note: string };
const entry = (revision: number, note = `r${revision}`): Entry => ({ revision, note });

describe('RevisionCache', () => {
  it('keeps the newest revision per selection and never steps back to an older one', () => {
    const cache = new RevisionCache<Entry>((e) => e.revision);
    cache.set('a', entry(3));
    cache.set('a', entry(2));
    expect(cache.get('a')).toEqual(entry(3));
    cache.set('a', entry(3, 'same revision, newer value'));
    expect(cache.get('a')).toEqual(entry(3, 'same revision, newer value'));
    cache.set('a', entry(4));
    expect(cache.get('a')).toEqual(entry(4));
  });

  it('drops the least recently used selection beyond its size (a read counts as a use)', () => {
    const cache = new RevisionCache<Entry>((e) => e.revision, 2);
    cache.set('a', entry(0));
    cache.set('b', entry(0));
    expect(cache.get('a')).toEqual(entry(0));
    cache.set('c', entry(0));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([
      entry(0),
      undefined,
      entry(0),
    ]);
  });

  it('forgets everything on clear', () => {
    const cache = new RevisionCache<Entry>((e) => e.revision);
    cache.set('a', entry(1));
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
  });
});
