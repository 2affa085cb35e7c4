import { describe, expect, it } from '@jest/globals';
import { eventsOf, longSelection, referenceSelection } from './scenario.js';

describe('bench scenario', () => {
  it.each([3_693 + 80, 3_693 + 97])(
    'longSelection(%i) yields exactly the events of deciding every command',
    (size) => {
      const long = longSelection(size);
      expect(long.events).toHaveLength(size);
      expect(long.events).toEqual(eventsOf(long.commands));
    },
  );

  it("gives every applicant its own NIP, beyond the workflows scenario's 9 a post", () => {
    const nips = referenceSelection(3, 50)
      .commands.filter((c) => c.type === 'SubmitApplication')
      .map((c) => (c.data as { applicant: { nip: string } }).applicant.nip);
    expect(nips).toHaveLength(150);
    expect(new Set(nips).size).toBe(150);
  });
});
