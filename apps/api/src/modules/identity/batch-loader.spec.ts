import { BatchLoader } from './batch-loader';

/** A fetch whose calls are recorded and answered by hand, so the test decides when each read "returns". */
function controlledFetch() {
  const calls: { keys: string[]; answer: (found: Record<string, number>) => void; fail: (error: Error) => void }[] = [];
  const fetch = (keys: string[]) =>
    new Promise<Map<string, number>>((resolve, reject) => {
      calls.push({ keys, answer: (found) => resolve(new Map(Object.entries(found))), fail: reject });
    });
  return { calls, fetch };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchLoader', () => {
  it('reads the keys asked for in one event-loop turn in one call, once each, and answers undefined for a key not found', async () => {
    const { calls, fetch } = controlledFetch();
    const loader = new BatchLoader(fetch, { maxKeys: 100, maxInFlight: 1 });
    const answers = Promise.all([loader.load('a'), loader.load('b'), loader.load('a'), loader.load('gone')]);
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['a', 'b', 'gone']]);
    calls[0]!.answer({ a: 1, b: 2 });
    await expect(answers).resolves.toEqual([1, 2, 1, undefined]);
  });

  it('puts keys asked for while a read runs into the next read, started after they were asked for (never an older answer)', async () => {
    const { calls, fetch } = controlledFetch();
    const loader = new BatchLoader(fetch, { maxKeys: 100, maxInFlight: 1 });
    const first = loader.load('a');
    await turn();
    expect(calls).toHaveLength(1);
    // 'a' is asked again while the first read runs: it must not get the first read's answer.
    const second = loader.load('a');
    const third = loader.load('c');
    await turn();
    expect(calls).toHaveLength(1); // one read at a time
    calls[0]!.answer({ a: 1 });
    await expect(first).resolves.toBe(1);
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['a', 'c']]);
    calls[1]!.answer({ c: 3 }); // 'a' was revoked in between
    await expect(second).resolves.toBeUndefined();
    await expect(third).resolves.toBe(3);
  });

  it('splits a large queue into reads of at most maxKeys, running up to maxInFlight at once', async () => {
    const { calls, fetch } = controlledFetch();
    const loader = new BatchLoader(fetch, { maxKeys: 2, maxInFlight: 2 });
    const all = Promise.all(['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => loader.load(k)));
    await turn();
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['k1', 'k2'], ['k3', 'k4']]);
    calls[0]!.answer({ k1: 1, k2: 2 });
    await turn();
    await turn();
    expect(calls.map((c) => c.keys)).toEqual([['k1', 'k2'], ['k3', 'k4'], ['k5']]);
    calls[1]!.answer({ k3: 3, k4: 4 });
    calls[2]!.answer({ k5: 5 });
    await expect(all).resolves.toEqual([1, 2, 3, 4, 5]);
  });

  it('fails the callers of a failed read only; the next read goes on', async () => {
    const { calls, fetch } = controlledFetch();
    const loader = new BatchLoader(fetch, { maxKeys: 100, maxInFlight: 1 });
    const failed = loader.load('a');
    await turn();
    const later = loader.load('b');
    calls[0]!.fail(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    await turn();
    expect(calls[1]!.keys).toEqual(['b']);
    calls[1]!.answer({ b: 2 });
    await expect(later).resolves.toBe(2);
  });
});
