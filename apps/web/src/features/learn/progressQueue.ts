import { openDB, type IDBPDatabase } from 'idb';
import { ApiError, isRetryable } from '../../api/errors';
import { postProgressEvents, type ProgressAnswer, type ProgressEvent } from './api';

/**
 * Progress that is never lost. Every event gets a client id and is written to IndexedDB first; it
 * leaves the store only once the server has acknowledged it (accepted or duplicate: the server is
 * idempotent by id, so sending twice is harmless). Offline or on errors the events wait and are
 * retried with exponential backoff, and at once when the browser says it is `online` again.
 * When IndexedDB is not available (some private modes) the queue lives in memory for the visit.
 */
interface StoredEvent {
  id: string;
  userId: string;
  event: ProgressEvent;
  queuedAt: number;
}

export type SyncState = 'saved' | 'syncing' | 'waiting' | 'offline';
export interface SyncStatus {
  state: SyncState;
  pending: number;
}

const DB_NAME = 'hocso-progress';
const STORE = 'events';
const BATCH = 100;
const MAX_BACKOFF_MS = 60_000;

type Store = {
  put(items: StoredEvent[]): Promise<void>;
  list(userId: string, limit: number): Promise<StoredEvent[]>;
  remove(ids: string[]): Promise<void>;
  count(userId: string): Promise<number>;
};

function memoryStore(): Store {
  const items = new Map<string, StoredEvent>();
  return {
    put: async (list) => list.forEach((i) => items.set(i.id, i)),
    list: async (userId, limit) => [...items.values()].filter((i) => i.userId === userId).slice(0, limit),
    remove: async (ids) => ids.forEach((id) => items.delete(id)),
    count: async (userId) => [...items.values()].filter((i) => i.userId === userId).length,
  };
}

async function indexedDbStore(): Promise<Store> {
  const db: IDBPDatabase = await openDB(DB_NAME, 1, {
    upgrade(database) {
      const store = database.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('byUser', ['userId', 'queuedAt']);
    },
  });
  const range = (userId: string) => IDBKeyRange.bound([userId, 0], [userId, Number.MAX_SAFE_INTEGER]);
  return {
    async put(list) {
      const tx = db.transaction(STORE, 'readwrite');
      await Promise.all([...list.map((i) => tx.store.put(i)), tx.done]);
    },
    list: (userId, limit) => db.getAllFromIndex(STORE, 'byUser', range(userId), limit) as Promise<StoredEvent[]>,
    async remove(ids) {
      const tx = db.transaction(STORE, 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    count: (userId) => db.countFromIndex(STORE, 'byUser', range(userId)),
  };
}

type AnswerListener = (answer: ProgressAnswer) => void;

export class ProgressQueue {
  private store: Promise<Store>;
  private status: SyncStatus = { state: 'saved', pending: 0 };
  private readonly statusListeners = new Set<() => void>();
  private readonly answerListeners = new Set<AnswerListener>();
  private flushing: Promise<void> | null = null;
  private again = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private disposed = false;

  constructor(
    private readonly userId: string,
    private readonly send: (events: ProgressEvent[], keepalive: boolean) => Promise<ProgressAnswer> = postProgressEvents,
    store?: Store,
  ) {
    this.store = store
      ? Promise.resolve(store)
      : indexedDbStore().catch(() => memoryStore());
    void this.refreshCount().then(() => this.flush());
  }

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  onAnswer(listener: AnswerListener): () => void {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  }

  /** Keeps the events (IndexedDB first), then tries to send them. */
  async enqueue(events: ProgressEvent[]): Promise<void> {
    if (events.length === 0) return;
    const store = await this.store;
    const now = Date.now();
    await store.put(events.map((event, i) => ({ id: event.id, userId: this.userId, event, queuedAt: now + i / 1000 })));
    await this.refreshCount();
    void this.flush();
  }

  /**
   * The page is going away: send these events with `keepalive` (the request outlives the page)
   * without waiting for IndexedDB; they are stored too, and a repeat later is harmless.
   */
  sendNow(events: ProgressEvent[]): void {
    if (events.length === 0) return;
    void this.send(events, true)
      .then(async (answer) => {
        await (await this.store).remove(events.map((e) => e.id));
        this.emitAnswer(answer);
        await this.refreshCount();
      })
      .catch(() => undefined);
    void this.enqueue(events);
  }

  /** Sends what waits, batch by batch, until the store is empty or sending fails. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    clearTimeout(this.retryTimer);
    this.flushing = this.run().finally(() => {
      this.flushing = null;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.flush();
      }
    });
    return this.flushing;
  }

  private async run(): Promise<void> {
    const store = await this.store;
    for (;;) {
      const batch = await store.list(this.userId, BATCH);
      if (batch.length === 0) {
        this.failures = 0;
        this.setStatus({ state: 'saved', pending: 0 });
        return;
      }
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        this.setStatus({ state: 'offline', pending: await store.count(this.userId) });
        return; // the `online` event flushes
      }
      this.setStatus({ state: 'syncing', pending: this.status.pending || batch.length });
      try {
        const answer = await this.send(
          batch.map((b) => b.event),
          false,
        );
        await store.remove(batch.map((b) => b.id));
        this.failures = 0;
        this.emitAnswer(answer);
      } catch (error) {
        if (error instanceof ApiError && !isRetryable(error) && error.status !== 401 && error.status !== 403) {
          // The server refuses these events for good (e.g. a lesson that no longer exists): keeping
          // them would block every later event.
          await store.remove(batch.map((b) => b.id));
          continue;
        }
        this.failures += 1;
        const pending = await store.count(this.userId);
        const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
        this.setStatus({ state: offline ? 'offline' : 'waiting', pending });
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures - 1, 6)) * (0.75 + Math.random() / 2);
        if (!this.disposed) this.retryTimer = setTimeout(() => void this.flush(), delay);
        return;
      }
      await this.refreshCount();
    }
  }

  private async refreshCount(): Promise<void> {
    const pending = await (await this.store).count(this.userId);
    const state: SyncState = pending === 0 ? 'saved' : this.status.state === 'saved' ? 'waiting' : this.status.state;
    this.setStatus({ state, pending });
  }

  private setStatus(next: SyncStatus): void {
    if (next.state === this.status.state && next.pending === this.status.pending) return;
    this.status = next;
    this.statusListeners.forEach((l) => l());
  }

  private emitAnswer(answer: ProgressAnswer): void {
    this.answerListeners.forEach((l) => l(answer));
  }

  /** Resolves when no sending is in progress (tests). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
  }
}

const queues = new Map<string, ProgressQueue>();
let onlineHooked = false;

/** One queue per signed-in user for the whole visit (events of one account never go out under another). */
export function progressQueueFor(userId: string): ProgressQueue {
  let queue = queues.get(userId);
  if (!queue) {
    queue = new ProgressQueue(userId);
    queues.set(userId, queue);
  }
  if (!onlineHooked && typeof window !== 'undefined') {
    onlineHooked = true;
    window.addEventListener('online', () => queues.forEach((q) => void q.flush()));
  }
  return queue;
}

export function newEventId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-http installations on a LAN still get v4 ids.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
