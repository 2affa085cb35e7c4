import { parseTtl } from './sign-token.js';

describe('parseTtl', () => {
  it.each([
    ['8h', 28800],
    ['30m', 1800],
    ['7d', 604800],
    ['90s', 90],
    ['3600', 3600],
  ])('reads %s as %i seconds', (ttl, seconds) => {
    expect(parseTtl(ttl)).toBe(seconds);
  });

  it.each(['', '0', '-1h', '8 hours', '1.5h'])('rejects %j', (ttl) => {
    expect(() => parseTtl(ttl)).toThrow('Invalid lifetime');
  });
});
