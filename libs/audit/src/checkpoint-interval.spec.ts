import { parseCheckpointInterval } from './checkpoint-interval.js';

describe('parseCheckpointInterval', () => {
  it.each([
    ['1d', 86_400_000],
    ['24h', 86_400_000],
    ['30m', 1_800_000],
    ['15s', 15_000],
    ['off', null],
  ])('reads %s', (text, ms) => {
    expect(parseCheckpointInterval(text)).toBe(ms);
  });

  it.each(['', '1', 'daily', '5s', '-1h', '1.5h'])('rejects %j', (text) => {
    expect(parseCheckpointInterval(text)).toBeUndefined();
  });
});
