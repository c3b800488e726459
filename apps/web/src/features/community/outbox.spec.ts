import { ApiError } from '../../api/errors';
import { memoryOutboxStore, Outbox, type OutboxItem } from './outbox';

const online = (value: boolean) => Object.defineProperty(globalThis, 'navigator', { value: { onLine: value }, configurable: true });

describe('the community outbox (attendance and answers made offline)', () => {
  afterEach(() => online(true));

  it('keeps actions while offline, then sends each once, in order, with the same client id', async () => {
    online(false);
    const store = memoryOutboxStore();
    const sent: OutboxItem[] = [];
    const outbox = new Outbox('u1', async (item) => void sent.push(item), store);
    const first = await outbox.enqueue({ kind: 'attendance', classId: 'c', sessionId: 's', attendeeId: 'a', present: true });
    const second = await outbox.enqueue({ kind: 'answer', classId: 'c', questionId: 'q', optionIds: ['o2'] });
    await outbox.idle();
    expect(sent).toEqual([]);
    expect(outbox.getStatus()).toEqual({ state: 'offline', pending: 2 });
    expect(outbox.getItems().map((i) => i.id)).toEqual([first, second]);

    online(true);
    await outbox.flush();
    await outbox.idle();
    outbox.dispose();
    expect(sent.map((i) => i.id)).toEqual([first, second]);
    expect(sent[0]!.action).toEqual({ kind: 'attendance', classId: 'c', sessionId: 's', attendeeId: 'a', present: true });
    expect(store.items.size).toBe(0);
    expect(outbox.getStatus()).toEqual({ state: 'saved', pending: 0 });
  });

  it('retries after a network failure with the same id, and drops what the server refuses for good', async () => {
    const store = memoryOutboxStore();
    const attempts: string[] = [];
    let mode: 'network' | 'ok' | 'refuse' = 'network';
    const outbox = new Outbox(
      'u1',
      async (item) => {
        attempts.push(item.id);
        if (mode === 'network') throw new TypeError('Failed to fetch');
        if (mode === 'refuse' && item.action.kind === 'answer') throw new ApiError(409, undefined, undefined);
      },
      store,
    );
    const id = await outbox.enqueue({ kind: 'checkIn', sessionId: 's', token: 't' });
    await outbox.idle();
    expect(outbox.getStatus()).toEqual({ state: 'waiting', pending: 1 });
    mode = 'ok';
    await outbox.flush();
    await outbox.idle();
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts)).toEqual(new Set([id]));
    expect(store.items.size).toBe(0);

    mode = 'refuse';
    await outbox.enqueue({ kind: 'answer', classId: 'c', questionId: 'closed', optionIds: ['o1'] });
    const after = await outbox.enqueue({ kind: 'checkIn', sessionId: 's2', token: 't' });
    await outbox.idle();
    await outbox.flush();
    await outbox.idle();
    outbox.dispose();
    expect(attempts.at(-1)).toBe(after);
    expect(store.items.size).toBe(0);
  });

  it('keeps one user’s actions apart from another’s', async () => {
    online(false);
    const store = memoryOutboxStore();
    const a = new Outbox('a', async () => undefined, store);
    const b = new Outbox('b', async () => undefined, store);
    await a.enqueue({ kind: 'checkIn', sessionId: 's', token: 't' });
    await a.idle();
    await b.idle();
    expect(a.getStatus().pending).toBe(1);
    expect((await store.list('b')).length).toBe(0);
    a.dispose();
    b.dispose();
  });
});
