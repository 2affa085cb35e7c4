import { StreamHeadCache } from './stream-head-cache.js';

const head = (revision: number) => ({ revision, hash: String(revision).padStart(64, '0') });

describe('StreamHeadCache', () => {
  it('advances on what a read saw, never back to an older head', () => {
    const cache = new StreamHeadCache();
    cache.advance('s', head(3));
    expect(cache.get('s')).toEqual(head(3));
    cache.advance('s', head(2));
    expect(cache.get('s')).toEqual(head(3));
    cache.advance('s', head(4));
    expect(cache.get('s')).toEqual(head(4));
  });

  it('takes what the database or an append says as it is, and forgets on request', () => {
    const cache = new StreamHeadCache();
    cache.set('s', head(5));
    cache.set('s', head(1));
    expect(cache.get('s')).toEqual(head(1));
    cache.forget('s');
    expect(cache.get('s')).toBeUndefined();
  });

  it('drops the least recently set stream beyond its capacity', () => {
    const cache = new StreamHeadCache(2);
    cache.set('a', head(0));
    cache.set('b', head(0));
    cache.set('c', head(0));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, head(0), head(0)]);
  });
});
