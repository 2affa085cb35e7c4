import { acceptedEvents } from '../testing/decider-specification.js';
import { completedRound } from './pergub113.fixtures.js';
import { pergub113Filling } from './pergub113.procedure.js';

describe('smoke', () => {
  it('completes', () => {
    const events = acceptedEvents(pergub113Filling, completedRound());
    const s = pergub113Filling.fold(events);
    expect(pergub113Filling.stateOf(s)).toBe('completed');
  });
});
