import fc from 'fast-check';
import { keyedList } from './keyed.js';

// keyedList answers exactly as `find` and `map` over the plain arrays, whatever the history of
// the arrays: appends, replacements, duplicate keys, and branches from a shared ancestor.

type Item = { id: string; n: number };
const keyed = () => keyedList<Item>((item) => item.id);

const find = (items: readonly Item[], id: string) => items.find((i) => i.id === id);
const update = (items: readonly Item[], id: string, n: number) =>
  items.map((i) => (i.id === id ? { ...i, n } : i));

describe('keyedList', () => {
  it('finds, replaces and appends like find, map and spread', () => {
    const list = keyed();
    const a: Item[] = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ];
    expect(list.find(a, 'b')).toBe(a[1]);
    expect(list.find(a, 'z')).toBeUndefined();
    const b = list.update(a, 'a', () => ({ n: 9 }));
    expect(b).toEqual(update(a, 'a', 9));
    expect(a[0]).toEqual({ id: 'a', n: 1 });
    const c = list.append(b, { id: 'c', n: 3 });
    expect(c.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(list.find(c, 'c')).toEqual({ id: 'c', n: 3 });
    expect(list.find(b, 'c')).toBeUndefined();
    expect(list.update(c, 'z', () => ({ n: 0 }))).toEqual(c);
  });

  it('keeps branches from one array apart', () => {
    const list = keyed();
    const base: Item[] = [{ id: 'a', n: 1 }];
    const left = list.append(base, { id: 'x', n: 2 });
    const right = list.append(base, { id: 'y', n: 3 });
    const rightX = list.append(right, { id: 'x', n: 4 });
    expect(list.find(base, 'x')).toBeUndefined();
    expect(list.find(left, 'x')).toEqual({ id: 'x', n: 2 });
    expect(list.find(right, 'x')).toBeUndefined();
    expect(list.find(rightX, 'x')).toEqual({ id: 'x', n: 4 });
    expect(list.update(rightX, 'x', () => ({ n: 5 }))).toEqual(update(rightX, 'x', 5));
  });

  it('answers as find and map over random histories (duplicates, branches)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), id: fc.constantFrom('a', 'b', 'c', 'd') }),
      fc.record({ kind: fc.constant('update' as const), id: fc.constantFrom('a', 'b', 'e') }),
      fc.record({ kind: fc.constant('branch' as const), back: fc.nat({ max: 5 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const list = keyed();
        const seen: Item[][] = [[]];
        let current: Item[] = [];
        ops.forEach((o, n) => {
          if (o.kind === 'append') current = list.append(current, { id: o.id, n });
          else if (o.kind === 'update') {
            const expected = update(current, o.id, n);
            current = list.update(current, o.id, () => ({ n }));
            expect(current).toEqual(expected);
          } else current = seen[Math.max(0, seen.length - 1 - o.back)]!;
          seen.push(current);
          for (const array of seen) {
            for (const id of ['a', 'b', 'c', 'd', 'e']) {
              expect(list.find(array, id)).toBe(find(array, id));
            }
          }
        });
      }),
      { numRuns: 100, seed: 8 },
    );
  });
});
