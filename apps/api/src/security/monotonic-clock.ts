/**
 * The store's clock for `recordedAt`: the system time, but never earlier than the last instant it
 * gave. When the server's clock steps back (NTP correction, a VM restored), events keep their
 * order in time within this process instead of seeming recorded before their predecessors.
 */
export function monotonicClock(source: () => Date = () => new Date()): () => Date {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    last = Math.max(last, source().getTime());
    return new Date(last);
  };
}
