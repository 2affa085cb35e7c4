// Arrays of records with a key (applications by id) stay plain JSON arrays in the context, yet a
// fold finds and replaces one record in O(1): positions by key are kept beside each array, in a
// WeakMap by array identity, and handed on to the arrays derived from it (the same positions
// after a replacement, one more after an append). An index may be shared by arrays of several
// branches (two folds from one cached snapshot); every position read is checked against the
// array, and an array whose check fails gets its own index. Lookups answer as `find` (the first
// record with the key) and replacements as `map` (every record with the key) would.

type Index = {
  /** The first position of each key, for every array this index belongs to. */
  readonly at: Map<string, number>;
  /** Some key occurs twice: replacements go through every record, as `map` would. */
  readonly duplicates: boolean;
};

export type KeyedList<T> = {
  find(items: readonly T[], key: string): T | undefined;
  /** A new array with the record(s) of `key` changed (the same content when there is none). */
  update(items: readonly T[], key: string, change: (item: T) => Partial<T>): T[];
  /** A new array with `item` appended. */
  append(items: readonly T[], item: T): T[];
};

export function keyedList<T>(keyOf: (item: T) => string): KeyedList<T> {
  const indexes = new WeakMap<readonly T[], Index>();

  const build = (items: readonly T[]): Index => {
    const at = new Map<string, number>();
    let duplicates = false;
    items.forEach((item, position) => {
      const key = keyOf(item);
      if (at.has(key)) duplicates = true;
      else at.set(key, position);
    });
    const index = { at, duplicates };
    indexes.set(items, index);
    return index;
  };

  const holds = (items: readonly T[], position: number, key: string) => {
    const item = items[position];
    return item !== undefined && keyOf(item) === key;
  };

  /** The first position of `key` in `items` (undefined: none), and the array's index. */
  const locate = (items: readonly T[], key: string): [number | undefined, Index] => {
    const index = indexes.get(items) ?? build(items);
    const position = index.at.get(key);
    if (position === undefined || holds(items, position, key)) return [position, index];
    const own = build(items);
    return [own.at.get(key), own];
  };

  return {
    find(items, key) {
      const [position] = locate(items, key);
      return position === undefined ? undefined : items[position];
    },
    update(items, key, change) {
      const [position, index] = locate(items, key);
      if (index.duplicates) {
        return items.map((item) => (keyOf(item) === key ? { ...item, ...change(item) } : item));
      }
      const next = items.slice();
      if (position !== undefined)
        next[position] = { ...items[position]!, ...change(items[position]!) };
      indexes.set(next, index);
      return next;
    },
    append(items, item) {
      const index = indexes.get(items) ?? build(items);
      const next = [...items, item];
      const key = keyOf(item);
      const position = index.at.get(key);
      if (position === undefined) {
        index.at.set(key, items.length);
        indexes.set(next, index);
      } else if (holds(items, position, key)) {
        indexes.set(next, { at: index.at, duplicates: true });
      }
      // else: the key's position is another branch's; `next` gets its own index when first used
      return next;
    },
  };
}
