import { ApiError } from '../../api/errors';
import type { ProgressAnswer, ProgressEvent } from './api';
import { ProgressQueue } from './progressQueue';

function memory() {
  const items = new Map<string, { id: string; userId: string; event: ProgressEvent; queuedAt: number }>();
  return {
    items,
    put: async (list: { id: string; userId: string; event: ProgressEvent; queuedAt: number }[]) => void list.forEach((i) => items.set(i.id, i)),
    list: async (userId: string, limit: number) => [...items.values()].filter((i) => i.userId === userId).slice(0, limit),
    remove: async (ids: string[]) => void ids.forEach((id) => items.delete(id)),
    count: async (userId: string) => [...items.values()].filter((i) => i.userId === userId).length,
  };
}

const event = (id: string): ProgressEvent => ({ id, lessonId: 'l1', type: 'video_watched', from: 0, to: 1, at: new Date(0).toISOString() });
const ok: ProgressAnswer = { accepted: 1, duplicates: 0, lessons: [] };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ProgressQueue', () => {

  it('keeps events until the server acknowledges them, retries with backoff, then reports saved', async () => {
    const store = memory();
    const sent: string[][] = [];
    let fail = true;
    const send = jest.fn(async (events: ProgressEvent[]) => {
      sent.push(events.map((e) => e.id));
      if (fail) throw new TypeError('Failed to fetch');
      return ok;
    });
    const queue = new ProgressQueue('u1', send, store);
    await queue.enqueue([event('a'), event('b')]);
    await queue.flush();
    await queue.idle();
    expect(store.items.size).toBe(2);
    expect(queue.getStatus()).toEqual({ state: 'waiting', pending: 2 });

    fail = false;
    await queue.flush(); // what the backoff timer (or the `online` event) does
    await queue.idle();
    queue.dispose();
    expect(store.items.size).toBe(0);
    expect(queue.getStatus()).toEqual({ state: 'saved', pending: 0 });
    expect(sent.at(-1)).toEqual(['a', 'b']);
  });

  it('drops events the server refuses for good (400) so they do not block later ones, but keeps them on 401', async () => {
    const store = memory();
    let status = 401;
    const send = jest.fn(async () => {
      throw new ApiError(status, undefined, undefined);
    });
    const queue = new ProgressQueue('u1', send, store);
    await queue.enqueue([event('a')]);
    await queue.flush();
    await queue.idle();
    expect(store.items.size).toBe(1);
    status = 400;
    await queue.flush();
    await queue.idle();
    await tick();
    expect(store.items.size).toBe(0);
    queue.dispose();
  });

  it('sends only the events of its own user', async () => {
    const store = memory();
    await store.put([{ id: 'x', userId: 'someone-else', event: event('x'), queuedAt: 0 }]);
    const send = jest.fn(async () => ok);
    const queue = new ProgressQueue('u1', send, store);
    await queue.enqueue([event('a')]);
    await queue.flush();
    await queue.idle();
    expect(send.mock.calls.flatMap((c) => (c as unknown as [ProgressEvent[]])[0].map((e) => e.id))).toEqual(['a']);
    expect([...store.items.keys()]).toEqual(['x']);
    queue.dispose();
  });
});
