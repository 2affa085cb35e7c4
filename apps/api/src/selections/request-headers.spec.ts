import { etagOf, expectedRevisionOf, idempotencyKeyOf } from './request-headers.js';

describe('request headers', () => {
  it('writes the revision as a weak ETag', () => {
    expect(etagOf(7)).toBe('W/"7"');
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['*', undefined],
    ['W/"3"', 3],
    ['"3"', 3],
    [['W/"12"'], 12],
  ])('reads If-Match %j as revision %j', (header, revision) => {
    expect(expectedRevisionOf(header)).toBe(revision);
  });

  it.each(['3', 'W/3', 'W/"x"', 'W/"-1"'])(
    'refuses the malformed If-Match %j with 400',
    (header) => {
      expect(() => expectedRevisionOf(header)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    },
  );

  it('accepts 1 to 200 visible ASCII characters as Idempotency-Key', () => {
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
    expect(idempotencyKeyOf('a1b2-c3')).toBe('a1b2-c3');
    for (const bad of ['', 'with space', 'x'.repeat(201), 'ключ']) {
      expect(() => idempotencyKeyOf(bad)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });
});
