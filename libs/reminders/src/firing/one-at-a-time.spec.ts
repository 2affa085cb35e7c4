import { oneAtATimePer } from './reminder-worker.js';

/** A work that runs until `release()` is called, noting when it starts. */
function gate(name: string, started: string[]) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    release: () => release(),
    work: async () => {
      started.push(name);
      await done;
      return name;
    },
  };
}

const turns = () => new Promise((resolve) => setImmediate(resolve));

describe('oneAtATimePer', () => {
  it("runs one key's works one after another and other keys' works side by side", async () => {
    const serial = oneAtATimePer();
    const started: string[] = [];
    const a1 = gate('a1', started);
    const a2 = gate('a2', started);
    const b1 = gate('b1', started);
    const results = [serial('a', a1.work), serial('a', a2.work), serial('b', b1.work)];
    await turns();
    expect(started).toEqual(['a1', 'b1']);
    a1.release();
    await turns();
    expect(started).toEqual(['a1', 'b1', 'a2']);
    a2.release();
    b1.release();
    expect(await Promise.all(results)).toEqual(['a1', 'a2', 'b1']);
  });

  it('goes on with the next work after one fails, and passes the failure to its caller', async () => {
    const serial = oneAtATimePer();
    const failing = serial('a', () => Promise.reject(new Error('webhook down')));
    const next = serial('a', () => Promise.resolve('sent'));
    await expect(failing).rejects.toThrow('webhook down');
    await expect(next).resolves.toBe('sent');
  });
});
